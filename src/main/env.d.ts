/** @file Types for electron-vite's import suffixes (`?modulePath`) used by the main process. */
/// <reference types="electron-vite/node" />
