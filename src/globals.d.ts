/** Set by build.mjs: the content hash of the bundled dataset. */
declare const __DATASET_VERSION__: string;
/** Set by build.mjs: the content hash of the code that folds text and compiles matchers. */
declare const __MATCHER_CODE_VERSION__: string;
/** Set by build.mjs: the compiled matcher of the bundled dataset, deflated (raw), base64. */
