/** The soffice executable (SOFFICE_PATH, PATH, then the known install paths), or undefined. */
export function findSoffice(): string | undefined;
/** The one line that tells a user what to install on their system. */
export const INSTALL_HINT: string;
