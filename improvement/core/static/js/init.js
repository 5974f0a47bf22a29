// Loaded as a module, so browsers without ES modules get the plain HTML pages,
// which work without JavaScript.
import { initAll } from "../govuk/govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();
