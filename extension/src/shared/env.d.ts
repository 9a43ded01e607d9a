/** The app's origin, baked in by extension/build.ts. */
declare const __APP_ORIGIN__: string;
