// The server's own sign-in and reset-request pages (`/login`, `/forgot`, drawn by the
// server's `api/forms.rs`) are whole without JavaScript. With it, this small script (no wasm:
// these pages fetch no estimator) makes them behave as the app's pages do:
// - a language picked in the header applies at once, without its button;
// - a form is sent without leaving the page, so an unreachable server is said in place and
//   nothing typed is lost, and the server's answer replaces only the page's main part;
// - the focus goes where the reader needs it: the error summary, the field to retype, or,
//   after following a link from another page of this site, the page's heading.

function focusWhereNeeded(afterSubmit) {
  const summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  } else if (document.querySelector('main [data-alert="error"]')) {
    (document.getElementById("password") ?? document.getElementById("username"))?.focus();
  } else if (!afterSubmit && cameFromAnotherPage()) {
    document.querySelector("main h1")?.focus();
  }
}

/** Whether the reader followed a link from another page of this site (not a reload, not a
 * language change, not an arrival from elsewhere, where the browser's own order is best). */
function cameFromAnotherPage() {
  if (!document.referrer.startsWith(`${location.origin}/`)) return false;
  return new URL(document.referrer).pathname !== location.pathname;
}

/** Shows `text` as the form's error, in the region the server would draw it in. */
function sayError(form, text) {
  let region = form.querySelector(".alert-region");
  if (!region) {
    region = document.createElement("div");
    region.className = "alert-region";
    form.querySelector('button[type="submit"]').before(region);
  }
  region.setAttribute("role", "alert");
  const alert = document.createElement("p");
  alert.className = "alert error";
  alert.dataset.alert = "error";
  alert.textContent = text;
  region.replaceChildren(alert);
}

async function send(form) {
  // The last answer's message goes, so the next one is announced (and seen) afresh.
  form.querySelector(".alert-region")?.replaceChildren();
  const button = form.querySelector('button[type="submit"]');
  const label = button.textContent;
  button.textContent = form.dataset.busy;
  button.setAttribute("aria-disabled", "true");
  const done = () => {
    button.textContent = label;
    button.removeAttribute("aria-disabled");
  };
  let response;
  try {
    response = await fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      credentials: "same-origin",
    });
  } catch {
    done();
    sayError(form, form.dataset.unreachable);
    return;
  }
  // Signed in: the page the server sends the reader to (where the app loads).
  if (response.redirected) {
    location.assign(response.url);
    return;
  }
  const type = response.headers.get("content-type") ?? "";
  if (!type.startsWith("text/html")) {
    // A failure of the server's own (5xx): its JSON error, in the page's language.
    done();
    const answer = await response.json().catch(() => null);
    sayError(form, answer?.message ?? form.dataset.unreachable);
    return;
  }
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const main = page.querySelector("main");
  if (!main) {
    done();
    sayError(form, form.dataset.unreachable);
    return;
  }
  document.querySelector("main").replaceWith(main);
  focusWhereNeeded(true);
}

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method !== "post") return;
  event.preventDefault();
  if (form.querySelector('button[aria-disabled="true"]')) return;
  send(form);
});

// The error summary's links take the focus to their field, not only the view.
document.addEventListener("click", (event) => {
  const link = event.target instanceof Element && event.target.closest(".error-summary a[data-field]");
  if (!link) return;
  event.preventDefault();
  document.getElementById(link.dataset.field)?.focus();
});

const select = document.getElementById("locale");
if (select?.form) {
  select.form.querySelector("[data-apply-language]").hidden = true;
  select.addEventListener("change", () => select.form.submit());
}
focusWhereNeeded(false);
