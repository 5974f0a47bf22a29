// A page waiting on the worker (templates/includes/check_again.html) without a meta
// refresh, which reloads the page under the reader (WCAG 2.2.1): look at the page's
// address in the background, backing off, and when the wrapper's data-check-state
// changes put the new <main> in place and say so in a polite live region, leaving
// focus where it is. An address that answers with the file itself (a waiting page
// for a download the person asked for) is followed, as the page used to be.

const LONGEST_WAIT = 15; // seconds between looks, at most
const GIVE_UP_AFTER = 10 * 60 * 1000; // ms without a change
const SELECTOR = '[data-module="ib-check-again"]';

function text(node) {
  return (node?.textContent || "").replace(/\s+/g, " ").trim();
}

class CheckAgain {
  constructor(main, wrapper, onReplace) {
    this.main = main;
    this.onReplace = onReplace;
    this.live = document.createElement("div");
    this.live.className = "govuk-visually-hidden";
    this.live.setAttribute("role", "status");
    this.live.setAttribute("aria-live", "polite");
    this.message = document.createElement("p");
    this.message.className = "govuk-body";
    this.stop = document.createElement("button");
    this.stop.type = "button";
    this.stop.className = "govuk-button govuk-button--secondary";
    this.stop.textContent = "Stop checking";
    this.stop.addEventListener("click", () => this.halt("Checking stopped."));
    main.append(this.live);
    this.adopt(wrapper);
  }

  // Take over a (new) wrapper: its state, pace and address, our message and button.
  adopt(wrapper) {
    this.wrapper = wrapper;
    this.state = wrapper.dataset.checkState || "";
    this.seconds = Number(wrapper.dataset.seconds) || 3;
    this.wait = this.seconds;
    this.url = new URL(wrapper.dataset.url || window.location.href, window.location.href);
    this.since = Date.now();
    this.message.textContent = "This page checks for changes and updates by itself.";
    wrapper.querySelector("[data-check-again-message]")?.remove();
    wrapper.append(this.message, this.stop);
    if (this.hadFocus) this.stop.focus();
    this.hadFocus = false;
    this.schedule();
  }

  schedule() {
    this.timer = window.setTimeout(() => this.look(), this.wait * 1000);
  }

  // Stop looking: say why, and leave the plain link to look again by hand.
  halt(why) {
    window.clearTimeout(this.timer);
    this.timer = null;
    const link = document.createElement("a");
    link.className = "govuk-link";
    link.href = this.url.href;
    link.textContent = "Check again";
    this.message.replaceChildren(`${why} This page does not update by itself. `, link, ".");
    const hadFocus = document.activeElement === this.stop;
    this.stop.remove();
    if (hadFocus) link.focus();
    this.live.textContent = why;
  }

  async look() {
    if (!this.timer) return;
    try {
      const response = await fetch(this.url, {
        headers: { Accept: "text/html" },
        credentials: "same-origin",
      });
      if (!this.timer) return; // stopped while the page was being fetched
      const type = response.headers.get("Content-Type") || "";
      if (response.ok && !type.startsWith("text/html")) {
        // The file itself: open it as the person asked, without reading it twice.
        response.body?.cancel();
        this.live.textContent = "Ready: the file opens now.";
        window.location.assign(this.url.href);
        return;
      }
      if (response.redirected && new URL(response.url).pathname !== this.url.pathname) {
        // Sent elsewhere (signed out, say): not this page's news to show here.
        this.halt("This page stopped checking.");
        return;
      }
      if (response.ok) this.read(await response.text());
    } catch {
      // Offline for a moment: try again later.
    }
    if (!this.timer) return;
    if (Date.now() - this.since > GIVE_UP_AFTER) {
      this.halt("This page stopped checking after 10 minutes without a change.");
      return;
    }
    this.wait = Math.min(this.wait * 1.5, LONGEST_WAIT);
    this.schedule();
  }

  read(html) {
    if (!this.timer) return;
    const fetched = new DOMParser().parseFromString(html, "text/html");
    const main = fetched.getElementById(this.main.id);
    if (!main) return;
    const wrapper = main.querySelector(SELECTOR);
    const state = wrapper?.dataset.checkState ?? "";
    if (wrapper && state === this.state) return;
    this.hadFocus = document.activeElement === this.stop;
    this.replace(fetched, main);
    this.live.textContent = this.news();
    const next = this.main.querySelector(SELECTOR);
    if (next) {
      window.clearTimeout(this.timer);
      this.adopt(next);
    } else {
      this.timer = null;
    }
  }

  // What changed, to be heard: the page's status, without the checking's own words.
  news() {
    const status = this.main.querySelector('[role="status"]:not(.govuk-visually-hidden)');
    const copy = (status || this.main.querySelector("h1"))?.cloneNode(true);
    copy?.querySelector(SELECTOR)?.remove();
    return text(copy);
  }

  // The new <main> in place of the old, keeping the live region so it is still heard.
  replace(fetched, main) {
    // Copied, not adopted: adopting empties the fetched list while it is read.
    this.main.replaceChildren(...[...main.childNodes].map((n) => document.importNode(n, true)));
    this.main.append(this.live);
    document.title = fetched.title || document.title;
    this.onReplace(this.main);
    if (this.hadFocus && !this.main.querySelector(SELECTOR)) {
      // The button went with the waiting; keep the reader on the page's content.
      this.main.setAttribute("tabindex", "-1");
      this.main.focus();
    }
  }
}

export function initCheckAgain(onReplace = () => {}) {
  const main = document.getElementById("main-content");
  const wrapper = main?.querySelector(SELECTOR);
  if (main && wrapper && window.fetch && window.DOMParser) {
    new CheckAgain(main, wrapper, onReplace);
  }
}
