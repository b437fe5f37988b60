/** Build-time constants (wxt.config.ts `define`): replaced by literals, so dead branches leave the bundle. */
declare const __CLERA_E2E_HOOKS__: boolean;
