// Keeping keyboard focus and typed values across a re-render: a view is rebuilt from scratch on every
// live event, so the focused element is found again in the new DOM by what it stands for (its id, or
// its row's data key and its place in the row), never by reference.

// The data attributes that name a row's subject (an alert, a campaign, a template, an account).
const ROW_KEYS = ['alert', 'campaign', 'criticalTemplate', 'pendingTemplate', 'account', 'archivedTemplate'];
const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]';

// A button disables itself while its request runs, and a disabled element may drop focus to the
// document: the last element focused inside the view still counts as focused then.
let lastFocused = null;
document.addEventListener('focusin', (event) => {
  lastFocused = event.target;
});

function kebab(name) {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** What the focused element inside {@code container} stands for; null when focus is elsewhere. */
export function focusedKey(container) {
  const active = document.activeElement && document.activeElement !== document.body
    ? document.activeElement : lastFocused;
  if (!active || active === container || !container.contains(active)) {
    return null;
  }
  if (active.id) {
    return { selector: `#${CSS.escape(active.id)}` };
  }
  for (let row = active.parentElement; row && row !== container; row = row.parentElement) {
    const key = ROW_KEYS.find((k) => row.dataset[k] !== undefined);
    if (key) {
      const rowSelector = `[data-${kebab(key)}="${CSS.escape(row.dataset[key])}"]`;
      // By place in the row: a Pause button becomes Resume in the same place.
      return { selector: rowSelector, index: [...row.querySelectorAll(FOCUSABLE)].indexOf(active) };
    }
  }
  return { selector: null };
}

/** Focuses what {@code key} stands for in the re-rendered container, or {@code fallback} when it is gone. */
export function restoreFocus(container, key, fallback) {
  if (!key) {
    return;
  }
  let target = key.selector ? container.querySelector(key.selector) : null;
  if (target && key.index !== undefined) {
    target = target.querySelectorAll(FOCUSABLE)[key.index] || null;
  }
  if (target && !target.disabled) {
    target.focus({ preventScroll: true });
  } else {
    fallback.focus({ preventScroll: true });
  }
}

/**
 * What the user typed or picked in the view's named fields (a preview value, the versions to compare),
 * so a re-render does not throw it away. Checkboxes are left out: they show the server's state.
 */
export function enteredValues(container) {
  const values = new Map();
  container.querySelectorAll('input[id]:not([type=checkbox]):not([type=radio]), textarea[id]').forEach((field) => {
    if (field.value !== field.defaultValue) {
      values.set(field.id, field.value);
    }
  });
  container.querySelectorAll('select[id]').forEach((field) => values.set(field.id, field.value));
  return values;
}

/** Puts the entered values back into the re-rendered fields of the same id (a select only to an option it has). */
export function restoreValues(container, values) {
  values.forEach((value, id) => {
    const field = container.querySelector(`#${CSS.escape(id)}`);
    if (!field || (field.tagName === 'SELECT' && ![...field.options].some((o) => o.value === value))) {
      return;
    }
    field.value = value;
  });
}
