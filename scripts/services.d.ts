// Types of the part of scripts/services.js the TypeScript tests beside it use.
import type { ChildProcess } from 'node:child_process';

export function forEachLine(child: ChildProcess, onLine: (line: string) => void): void;
export function stopProcess(child: ChildProcess, graceMs?: number): Promise<void>;
