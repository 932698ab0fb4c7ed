// "/" (outside a text field) or Ctrl+K (⌘K on a Mac) anywhere focuses the top bar's search box.
let installed = false;

export function installShortcut() {
  if (installed) {
    return;
  }
  installed = true;
  document.addEventListener('keydown', event => {
    const box = document.getElementById('global-search');
    if (!box) {
      return;
    }
    const target = event.target;
    const typing = target instanceof HTMLElement
      && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    const ctrlK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
    const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (ctrlK || slash) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });
}
