import { fuzzParts } from "./fuzz-parts";

/**
 * The last two parts of the server actions' fuzz (e2e/fuzz-parts.ts), on the reading-B pair so that
 * they run beside the first two: a console must refuse hostile input alike under either reading.
 */
fuzzParts([2, 3]);
