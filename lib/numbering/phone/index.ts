/** Parsing a dialled number: what kind of number it is, its national digits, and why one is refused. */
export * from './normalize-phone-number';
export * from './parse-national-number';
export * from './phone-number-reasons';
