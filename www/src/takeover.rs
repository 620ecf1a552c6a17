//! Taking over the form the server rendered on `/login` and `/forgot` (the server's
//! `api/forms.rs`, SPEC §6: those pages work before, and without, JavaScript). Whatever the
//! reader typed there and where the caret was survive: once the app's own form exists, the
//! values and the focused field are read from the server's `#server-form`, which is then
//! removed, and written into the app's fields of the same ids, with an `input` event so the
//! app's signals follow. All in one task, so no keystroke falls between the two forms.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;

use crate::app::document;

/// The id of the server-rendered form's container.
const SERVER_FORM: &str = "server-form";

/// Call right after mounting: takes the server's form over once the app's is there. The
/// app may draw its page a little later than the mount; a `MutationObserver` looks again
/// after every change to the document, and its callback runs as a microtask of the very
/// task that drew the app's form, so no one (reader or test) ever sees both forms.
pub(crate) fn take_over() {
    if attempt() {
        return;
    }
    let Some(body) = document().and_then(|d| d.body()) else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::<
        dyn FnMut(js_sys::Array, web_sys::MutationObserver),
    >::new(|_: js_sys::Array, observer: web_sys::MutationObserver| {
        if attempt() {
            observer.disconnect();
        }
    });
    let Ok(observer) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    // Lives as long as the page: it is small and disconnects once the form is taken over.
    callback.forget();
    let init = web_sys::MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    let _ = observer.observe_with_options(&body, &init);
}

/// Takes the server's form over if the app's fields are there; whether there is nothing
/// left to do.
fn attempt() -> bool {
    let Some(document) = document() else {
        return true;
    };
    let Some(server) = document.get_element_by_id(SERVER_FORM) else {
        return true;
    };
    // The app went elsewhere (a client-side navigation): the server's form is stale.
    let path = web_sys::window().and_then(|w| w.location().pathname().ok());
    if !matches!(path.as_deref(), Some("/login" | "/forgot")) {
        server.remove();
        return true;
    }
    let Ok(inputs) = server.query_selector_all("input[id]") else {
        server.remove();
        return true;
    };
    let typed: Vec<HtmlInputElement> = (0..inputs.length())
        .filter_map(|i| inputs.item(i))
        .filter_map(|node| node.dyn_into::<HtmlInputElement>().ok())
        .collect();
    // The app's fields: an element of the same id outside the server's form.
    let app_field = |id: &str| -> Option<HtmlInputElement> {
        let selector = format!("#{id}");
        let all = document.query_selector_all(&selector).ok()?;
        (0..all.length())
            .filter_map(|i| all.item(i))
            .filter(|node| !server.contains(Some(node)))
            .find_map(|node| node.dyn_into::<HtmlInputElement>().ok())
    };
    let ready = typed.iter().all(|input| app_field(&input.id()).is_some());
    if !ready {
        return false;
    }
    let focused = document
        .active_element()
        .filter(|element| server.contains(Some(element)))
        .map(|element| element.id());
    let moved: Vec<(HtmlInputElement, String, Option<u32>, Option<u32>)> = typed
        .iter()
        .filter_map(|input| {
            let target = app_field(&input.id())?;
            let start = input.selection_start().ok().flatten();
            let end = input.selection_end().ok().flatten();
            Some((target, input.value(), start, end))
        })
        .collect();
    server.remove();
    for (target, value, start, end) in moved {
        if !value.is_empty() {
            target.set_value(&value);
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
                let _ = target.dispatch_event(&event);
            }
        }
        if focused.as_deref() == Some(target.id().as_str()) {
            let _ = target.focus();
            if let (Some(start), Some(end)) = (start, end) {
                let _ = target.set_selection_range(start, end);
            }
        }
    }
    true
}
