// `npm run single-window:simulate` (CONTRACT 8.6): plays the Single Window on one machine. Watches
// SINGLE_WINDOW_OUT_DIR for the system's messages and writes customs' receipts into
// SINGLE_WINDOW_IN_DIR, one every SIMULATOR_DELAY_MS, each under a temporary name then renamed. A
// message answered is moved to `answered/` beside it (a restart does not answer it again); one it
// cannot read is moved to `failed/` with a `.txt` of the reason. One line is logged per answer.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildReceipt, chinaTime, messageFileName, Receipt } from '@cbec/single-window';
import { answersTo, ReceiptDraft } from './customs-answers';

const POLL_MS = 500;
/** The system's messages: `<type>_<copNo>_<time>.xml`; a file being written has another name. */
const MESSAGE_FILE = /^CEB\d{3}_.+\.xml$/;

interface Config {
  outDir: string;
  inDir: string;
  delayMs: number;
}

function readConfig(env: NodeJS.ProcessEnv): Config {
  const delay = env.SIMULATOR_DELAY_MS ?? '1000';
  if (!/^\d+$/.test(delay)) throw new Error(`SIMULATOR_DELAY_MS must be a whole number of milliseconds, got "${delay}"`);
  return {
    outDir: path.resolve(env.SINGLE_WINDOW_OUT_DIR || 'var/single-window/out'),
    inDir: path.resolve(env.SINGLE_WINDOW_IN_DIR || 'var/single-window/in'),
    delayMs: Number(delay),
  };
}

const say = (line: string) => process.stdout.write(`${new Date().toISOString()} [single-window simulator] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers one message file: its receipts one by one, then the file moves to answered/. */
async function answer(config: Config, fileName: string): Promise<void> {
  const file = path.join(config.outDir, fileName);
  let drafts: ReceiptDraft[];
  try {
    drafts = answersTo(fileName, readFileSync(file, 'utf8'), new Date());
  } catch (error) {
    const reason = (error as Error).message;
    moveTo(config.outDir, 'failed', fileName);
    writeFileSync(path.join(config.outDir, 'failed', `${fileName}.txt`), `${reason}\n`);
    say(`${fileName}: not answered, moved to failed/: ${reason}`);
    return;
  }
  for (const draft of drafts) {
    await sleep(config.delayMs);
    const written = writeReceipt(config.inDir, draft);
    say(`${fileName}: ${summary(draft)} -> ${written}`);
  }
  moveTo(config.outDir, 'answered', fileName);
}

function writeReceipt(inDir: string, draft: ReceiptDraft): string {
  let at = new Date();
  const reference = documentNumberOf(draft);
  let name = messageFileName(draft.messageType, reference, at);
  while (existsSync(path.join(inDir, name))) name = messageFileName(draft.messageType, reference, (at = new Date(at.getTime() + 1)));
  const receipt = { ...draft, guid: randomUUID().toUpperCase(), returnTime: chinaTime(at, 'yyyyMMddHHmmssSSS') } as Receipt;
  const temporary = path.join(inDir, `.${name}.tmp`);
  writeFileSync(temporary, buildReceipt(receipt));
  renameSync(temporary, path.join(inDir, name));
  return name;
}

/** The number a receipt's file is named by: the document it answers. */
function documentNumberOf(draft: ReceiptDraft): string {
  if (draft.messageType === 'CEB816') return draft.invtNo;
  if (draft.messageType === 'CEB900') return draft.oriMessageType;
  return draft.copNo ?? draft.orderNo ?? 'unknown';
}

function summary(draft: ReceiptDraft): string {
  if (draft.messageType === 'CEB816') return `CEB816 tax bill ${draft.taxNo}: duty ${draft.customsTax}, VAT ${draft.valueAddedTax}, consumption tax ${draft.consumptionTax}`;
  const numbers = [draft.messageType === 'CEB900' ? undefined : draft.invtNo && `invtNo ${draft.invtNo}`].filter(Boolean).join(', ');
  return `${draft.messageType} ${draft.returnStatus}${numbers ? ` (${numbers})` : ''}: ${draft.returnInfo}`;
}

function moveTo(outDir: string, folder: string, fileName: string): void {
  mkdirSync(path.join(outDir, folder), { recursive: true });
  renameSync(path.join(outDir, fileName), path.join(outDir, folder, fileName));
}

function main(): void {
  let config: Config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    process.stderr.write(`single-window simulator: configuration: ${(error as Error).message}\n`);
    process.exit(1);
  }
  for (const dir of [config.outDir, config.inDir]) mkdirSync(dir, { recursive: true });
  say(`watching ${config.outDir}, answering into ${config.inDir}, ${config.delayMs} ms between receipts (Ctrl-C stops)`);
  const answering = new Set<string>();
  /** Files that could not even be moved aside: left where they are until the next start. */
  const skipped = new Set<string>();
  const poll = () => {
    let names: string[] = [];
    try {
      names = readdirSync(config.outDir).filter((name) => MESSAGE_FILE.test(name) && !answering.has(name) && !skipped.has(name)).sort();
    } catch (error) {
      say(`cannot read ${config.outDir}: ${(error as Error).message}`);
    }
    for (const name of names) {
      answering.add(name);
      answer(config, name)
        .catch((error) => {
          skipped.add(name);
          say(`${name}: answering stopped, skipped until the next start: ${(error as Error).message}`);
        })
        .finally(() => answering.delete(name));
    }
  };
  const timer = setInterval(poll, POLL_MS);
  poll();
  const stop = () => {
    clearInterval(timer);
    say(`stopped${answering.size ? `; ${answering.size} message(s) half answered will be answered again at the next start` : ''}`);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
