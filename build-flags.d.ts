/** Build-time constants (wxt.config.ts `define`): replaced by literals, so dead branches leave the bundle. */
declare const __CLERA_E2E_HOOKS__: boolean;
/** True only in the `npm start` demo build: simulators only, labelled as such. */
declare const __CLERA_DEMO__: boolean;
