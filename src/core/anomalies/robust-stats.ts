/**
 * The constant that makes a MAD comparable to a standard deviation for normal data (Iglewicz and
 * Hoaglin's modified z-score is 0.6745·(x − median)/MAD).
 */
export const MAD_TO_Z = 0.6745;
