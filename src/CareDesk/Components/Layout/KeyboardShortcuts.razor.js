// The desktop's keyboard shortcuts (KeyboardShortcuts.razor, docs/keyboard.md).
// Alt+<letter> acts on the page's element marked data-shortcut="<letter>": a button or link is clicked, a field focused.
// Ctrl+Enter (⌘Enter on a Mac) in a field marked data-ctrl-enter="<button id>" clicks that button.
// Keys are matched by their place on the keyboard (KeyboardEvent.code), so they work with a Chinese input method on.
let installed = false;

function shortcutTarget(letter) {
  const selector = `[data-shortcut="${letter}"]`;
  // The page's own element first; then one in the call-card dock, say.
  return document.querySelector(`#main-content ${selector}`) ?? document.querySelector(selector);
}

export function install() {
  if (installed) {
    return;
  }
  installed = true;
  // Tells browser tests (and anyone curious) that the keys are listened to.
  document.documentElement.setAttribute('data-shortcuts', 'on');
  document.addEventListener('keydown', event => {
    if (event.isComposing || event.defaultPrevented) {
      return;
    }

    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
      const field = event.target instanceof Element ? event.target.closest('[data-ctrl-enter]') : null;
      const button = field ? document.getElementById(field.getAttribute('data-ctrl-enter')) : null;
      if (button && !button.disabled) {
        event.preventDefault();
        // As a click would: the field loses the focus first, so its value reaches the server ("change") and the field
        // shows what the server sets next (emptied after a save; MudBlazor leaves a focused field's text alone).
        button.focus();
        button.click();
      }
      return;
    }

    if (event.altKey && !event.ctrlKey && !event.metaKey && /^Key[A-Z]$/.test(event.code)) {
      const target = shortcutTarget(event.code.slice(3).toLowerCase());
      if (!target || target.disabled) {
        return;
      }
      event.preventDefault();
      if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) {
        // Focused first, as a click would: a field being typed in sends its text before the button acts on it.
        target.focus();
        target.click();
        return;
      }
      target.focus();
    }
  });
}
