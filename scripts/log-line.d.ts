// Types of scripts/log-line.js, for the TypeScript tests beside it.
export type LogFormat = 'pretty' | 'json';
export function logFormatOf(env: NodeJS.ProcessEnv, isTTY: boolean | undefined): LogFormat;
export function formatLogLine(service: string, line: string, format: LogFormat): string;
