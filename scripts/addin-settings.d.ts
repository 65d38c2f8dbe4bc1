/** Types of scripts/addin-settings.js (the production settings shared by the build and the checks). */
export type OfficeJsSource = 'cdn' | 'local';
export const ROOT: string;
export const DEV_URL: string;
export const OFFICE_CDN: string;
export const OFFICE_CDN_ORIGIN: string;
export const OFFICE_LOCAL: string;
export function publicUrl(env?: Record<string, string | undefined>): string;
export function productVersion(): string;
export function manifestVersion(version?: string): string;
export function officeJsSource(production: boolean, env?: Record<string, string | undefined>): OfficeJsSource;
export function contentSecurityPolicy(officeJs: OfficeJsSource): string;
