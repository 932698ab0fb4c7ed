// The macro picker of a note field (docs/cases.md, "Macros"): "//" typed after a space, at the start or after a
// non-ASCII character (not in "http://"), or Ctrl+/ opens the list; what follows filters it; ↑/↓ choose, Enter inserts
// the filled-in text in place of "//" and the filter, Esc or leaving the field closes it. The field's value stays the
// browser's: the server only filters, renders the list and fills the text in.
const pickers = new Map();

// token: one per component instance, so a field rebuilt under the same id (a form reset) never detaches its successor.
export function attach(id, token, dotnet) {
  const field = document.getElementById(id);
  if (!field || pickers.has(token)) {
    return;
  }
  const state = { open: false, anchor: 0, trigger: 0, inserting: false };
  const setOpen = open => {
    state.open = open;
    field.setAttribute('aria-expanded', open ? 'true' : 'false');
  };
  const query = () => field.value.slice(state.anchor + state.trigger, field.selectionStart);
  const open = (anchor, trigger) => {
    state.anchor = anchor;
    state.trigger = trigger;
    setOpen(true);
    dotnet.invokeMethodAsync('Filter', query());
  };
  const close = () => {
    if (state.open) {
      setOpen(false);
      dotnet.invokeMethodAsync('Close');
    }
  };
  const insert = text => {
    const end = Math.max(field.selectionStart, state.anchor);
    setOpen(false);
    state.inserting = true;
    field.focus();
    field.setRangeText(text, state.anchor, end, 'end');
    // Blazor's bindings read the value on these events, as if the agent had typed it.
    field.dispatchEvent(new Event('input', { bubbles: true }));
    field.dispatchEvent(new Event('change', { bubbles: true }));
    state.inserting = false;
  };
  const onKeyDown = async event => {
    if (event.isComposing) {
      return;
    }
    if (!state.open) {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key === '/') {
        event.preventDefault();
        open(field.selectionStart, 0);
      }
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault();
        dotnet.invokeMethodAsync('Move', event.key === 'ArrowDown' ? 1 : -1);
        break;
      case 'Enter':
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
          close();
          return;
        }
        event.preventDefault();
        event.stopPropagation();
        {
          const text = await dotnet.invokeMethodAsync('Choose');
          if (text === null || text === undefined) {
            close();
          } else {
            insert(text);
          }
        }
        break;
      case 'Escape':
        // Esc closes the list only, not the call card or anything else listening on the page.
        event.preventDefault();
        event.stopPropagation();
        close();
        break;
      case 'Tab':
        close();
        break;
    }
  };
  const onInput = event => {
    if (state.inserting || event.isComposing) {
      return;
    }
    const caret = field.selectionStart;
    const value = field.value;
    if (state.open) {
      const triggerGone = state.trigger > 0 && value.slice(state.anchor, state.anchor + 2) !== '//';
      const filter = query();
      if (caret < state.anchor + state.trigger || triggerGone || filter.includes('\n') || filter.length > 40) {
        close();
      } else {
        dotnet.invokeMethodAsync('Filter', filter);
      }
      return;
    }
    const before = caret >= 3 ? value[caret - 3] : '';
    if (caret >= 2 && value.slice(caret - 2, caret) === '//' && (before === '' || /\s/.test(before) || before.charCodeAt(0) > 127)) {
      open(caret - 2, 2);
    }
  };
  const onBlur = () => close();
  field.addEventListener('keydown', onKeyDown);
  field.addEventListener('input', onInput);
  field.addEventListener('compositionend', onInput);
  field.addEventListener('blur', onBlur);
  field.setAttribute('aria-expanded', 'false');
  // For whoever waits for the picker (a browser test typing at once): the keys are now caught.
  field.dataset.macros = 'ready';
  pickers.set(token, {
    insert,
    show: text => {
      if (field.value !== text) {
        field.value = text;
      }
    },
    detach: () => {
      field.removeEventListener('keydown', onKeyDown);
      field.removeEventListener('input', onInput);
      field.removeEventListener('compositionend', onInput);
      field.removeEventListener('blur', onBlur);
    },
  });
}

// A macro chosen with the mouse.
export function insert(token, text) {
  pickers.get(token)?.insert(text);
}

// A value the page set (the note emptied once saved), shown even when the field kept its typed text.
export function show(token, text) {
  pickers.get(token)?.show(text);
}

export function detach(token) {
  pickers.get(token)?.detach();
  pickers.delete(token);
}
