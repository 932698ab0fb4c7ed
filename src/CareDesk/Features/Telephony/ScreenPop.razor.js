// The call cards' keyboard (docs/telephony.md): Alt+C goes to the newest card, Esc closes the card that has the focus.
// Handled in the browser so that typing in a card sends no keystrokes to the server; each key clicks the card's own button.
if (!window.careDeskCallKeys) {
  window.careDeskCallKeys = true;
  document.addEventListener('keydown', e => {
    if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyC') {
      const focus = document.getElementById('screen-pop-focus');
      if (focus) {
        e.preventDefault();
        focus.click();
      }
    } else if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('.mud-popover-open')) {
      // An open select list inside the card closes first; the next Esc closes the card.
      const card = e.target instanceof Element ? e.target.closest('.screen-pop') : null;
      const close = card ? card.querySelector('.screen-pop-close') : null;
      if (close) {
        e.preventDefault();
        close.click();
      }
    }
  });
}
