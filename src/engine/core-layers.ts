/** @file Imports every layer's pyapi so that it registers itself in coreModules (see core-modules.ts). */
export {};
