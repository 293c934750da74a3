/**
 * What Fluent UI v9 needs from a browser that jsdom does not have. Import this first
 * in every task pane test (before React and Fluent UI).
 */

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== 'undefined') {
  const w = window as unknown as Record<string, unknown>;
  if (!w.ResizeObserver) w.ResizeObserver = ResizeObserverStub;
  if (!window.matchMedia) {
    window.matchMedia = (query: string): MediaQueryList =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  // jsdom's getComputedStyle matches every CSS rule Fluent UI inserts (about 5 ms a call),
  // and Testing Library calls it for every candidate of a ByRole query and its ancestors
  // (visibility, accessible names), user-event for every click (pointer-events). jsdom has
  // no layout, so the cascade adds nothing the tests use: inline styles only (the hidden
  // attribute and aria-hidden still hide an element from ByRole queries).
  const real = window.getComputedStyle.bind(window);
  window.getComputedStyle = ((elt: Element, pseudo?: string | null): CSSStyleDeclaration => {
    const style = (elt as HTMLElement).style as CSSStyleDeclaration | undefined;
    return pseudo || !style ? real(elt, pseudo) : style;
  }) as typeof window.getComputedStyle;
  if (!window.HTMLElement.prototype.scrollIntoView) window.HTMLElement.prototype.scrollIntoView = () => undefined;
  const range = document.createRange();
  const proto = Object.getPrototypeOf(range) as Range;
  if (!proto.getBoundingClientRect) proto.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);
  if (!proto.getClientRects) proto.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] }) as unknown as DOMRectList;
}

export {};
