// Loaded as a module, so browsers without ES modules get the plain HTML pages,
// which work without JavaScript.
import { initAll } from "../govuk/govuk-frontend.min.js";
import { initCheckAgain } from "./check-again.js";

document.body.classList.add("govuk-frontend-supported");
initAll();
// Content a waiting page puts in place gets the same GOV.UK behaviour as the first.
initCheckAgain((scope) => initAll({ scope }));
