/**
 * Registers every emulated REST method family. Importing this module once (the REST dispatcher
 * does) fills the method registry.
 */
import "./platform/index";
import "./data-families";
import "./bizproc/index";
