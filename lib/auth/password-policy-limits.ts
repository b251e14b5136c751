/** Password lengths, apart from the strength check so browser code can show them without zxcvbn's dictionaries. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;
