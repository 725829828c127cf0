import "@testing-library/jest-dom";
import { cleanup, configure } from "@testing-library/react";
import { installMockBackend } from "./mock-backend";
import { operations, server } from "./msw-server";

// Lazy routes and Mantine transitions can take over the default second on a busy 2-CPU machine;
// findBy* still returns as soon as the element appears.
configure({ asyncUtilTimeout: 5_000 });

// Mantine reads these browser APIs that jsdom does not implement.
Object.defineProperty(window, "matchMedia", {
  writable: true,
  configurable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

class ResizeObserverStub implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver = ResizeObserverStub;
globalThis.ResizeObserver = ResizeObserverStub;
// jest-fixed-jsdom puts Node's AbortController on the window, but jsdom's addEventListener only
// accepts jsdom's AbortSignal (Mantine's notifications pass `{ signal }`): wire the abort by hand.
const nativeAddEventListener = EventTarget.prototype.addEventListener;
EventTarget.prototype.addEventListener = function addEventListener(
  this: EventTarget,
  type: string,
  listener: EventListenerOrEventListenerObject | null,
  options?: boolean | AddEventListenerOptions,
) {
  if (typeof options !== "object" || !options.signal) {
    nativeAddEventListener.call(this, type, listener, options);
    return;
  }
  const { signal, ...rest } = options;
  if (signal.aborted) return;
  nativeAddEventListener.call(this, type, listener, rest);
  signal.addEventListener("abort", () => this.removeEventListener(type, listener, rest), {
    once: true,
  });
};
Element.prototype.scrollIntoView = function scrollIntoView() {};
// jsdom's File has no text(), which every browser has (jest-fixed-jsdom's global Blob is Node's,
// and jsdom's File does not inherit from it): read it with jsdom's FileReader.
if (typeof File.prototype.text !== "function") {
  File.prototype.text = function text(this: File): Promise<string> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error("Could not read the file"));
      reader.readAsText(this);
    });
  };
}
window.scrollTo = (() => undefined) as typeof window.scrollTo;
// React 19 snapshots a submitted form as `new FormData(form, submitter)` while a transition (a
// router navigation, say) is pending; jest-fixed-jsdom's FormData is Node's, which cannot read
// jsdom's form: read its fields by hand.
class FormDataOfForm extends FormData {
  constructor(form?: HTMLFormElement) {
    super();
    for (const field of Array.from(form?.elements ?? [])) {
      if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) continue;
      const unchecked =
        field instanceof HTMLInputElement &&
        (field.type === "checkbox" || field.type === "radio") &&
        !field.checked;
      if (field.name && !field.disabled && !unchecked) this.append(field.name, field.value);
    }
  }
}
globalThis.FormData = FormDataOfForm;
window.FormData = FormDataOfForm;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  operations.length = 0;
  installMockBackend();
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());
