// lint-as: src/background/fixture.ts
// expect: no-restricted-globals
// message: src/platform
export const tabs = (): unknown => chrome.tabs;
