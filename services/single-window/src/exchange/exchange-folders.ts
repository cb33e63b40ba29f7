// The two folders shared with the Single Window's exchange client (CONTRACT 8.1, 8.4), in
// `folder` mode: every poll writes the messages not yet written (under a temporary name, renamed
// when complete) and reads every receipt file that appeared, once: recorded, it moves to
// processed/; unreadable or naming no known document, to failed/ with a .txt of the reason,
// listed to ops. One instance at a time works the folders (a PostgreSQL advisory lock), so two
// replicas never read the same file twice.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, IsNull, Not } from 'typeorm';
import type { Logger } from '@cbec/messaging';
import { LOGGER } from '@cbec/service-kit';
import { readReceipt, UnreadableReceipt } from '@cbec/single-window';
import { SINGLE_WINDOW_CONFIG, SingleWindowConfig } from '../config';
import { receiptFilesFailed, receiptsRead } from '../metrics';
import { CustomsMessage, FailedReceiptFile } from '../persistence/customs-message.entity';
import { ReceiptRecorder } from './record-receipt';

/** The lock of the folders' worker: any number, the same in every replica. */
const FOLDERS_LOCK = 7_311_621;
const WRITES_PER_POLL = 200;

@Injectable()
export class ExchangeFolders implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private running = false;
  private loop?: Promise<void>;

  constructor(
    @Inject(SINGLE_WINDOW_CONFIG) private readonly config: SingleWindowConfig,
    private readonly dataSource: DataSource,
    private readonly recorder: ReceiptRecorder,
    @Inject(LOGGER) private readonly rootLog: Logger,
  ) {}

  private get log(): Logger {
    return this.rootLog.child({ component: 'exchange-folders' });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.mode !== 'folder') return;
    const { outDir, inDir } = this.config;
    for (const dir of [outDir, inDir, path.join(inDir, 'processed'), path.join(inDir, 'failed')]) await fs.mkdir(dir, { recursive: true });
    this.log.info({ outDir, inDir }, 'exchanging messages with the Single Window through two folders');
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.pollOnce();
      } catch (error) {
        this.log.warn({ err: error }, 'exchange poll failed; trying again');
      }
      await new Promise((resolve) => setTimeout(resolve, this.config.pollMs));
    }
  }

  /** One pass over both folders, if no other replica is at it. */
  async pollOnce(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [FOLDERS_LOCK]);
      if (!locked) return;
      try {
        await this.writeMessages();
        await this.readReceipts();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [FOLDERS_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  private async writeMessages(): Promise<void> {
    const messages = this.dataSource.getRepository(CustomsMessage);
    const unwritten = await messages.find({ where: { direction: 'OUT', fileName: Not(IsNull()), writtenAt: IsNull() }, order: { seq: 'ASC' }, take: WRITES_PER_POLL });
    for (const message of unwritten) {
      const target = path.join(this.config.outDir, message.fileName!);
      const temporary = path.join(this.config.outDir, `.${message.fileName}.part`);
      await fs.writeFile(temporary, message.xml, 'utf8');
      await fs.rename(temporary, target);
      await messages.update({ guid: message.guid }, { writtenAt: new Date() });
      this.log.info({ file: message.fileName, messageType: message.messageType, subject: `${message.platformId}/${message.orderId}` }, 'message written to the out folder');
    }
  }

  private async readReceipts(): Promise<void> {
    const { inDir } = this.config;
    const names = (await fs.readdir(inDir, { withFileTypes: true })).filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.xml')).map((entry) => entry.name);
    const stamped = await Promise.all(names.map(async (name) => ({ name, mtime: (await fs.stat(path.join(inDir, name)).catch(() => null))?.mtimeMs ?? 0 })));
    stamped.sort((a, b) => a.mtime - b.mtime || a.name.localeCompare(b.name));
    for (const { name } of stamped) {
      if (!this.running) return;
      await this.readReceipt(name);
    }
  }

  private async readReceipt(name: string): Promise<void> {
    const file = path.join(this.config.inDir, name);
    let xml: string;
    try {
      xml = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    let receipt;
    try {
      receipt = readReceipt(xml);
    } catch (error) {
      // Whatever the reason the file is not a receipt, it must not hold up the ones behind it.
      return this.setAside(name, `unreadable receipt: ${error instanceof UnreadableReceipt ? error.message : String(error)}`);
    }
    const outcome = await this.recorder.record(receipt, xml);
    if (outcome.kind === 'unknown-document') return this.setAside(name, `${receipt.messageType} ${receipt.guid} ${outcome.reason}`, receipt.messageType);
    receiptsRead.inc({ message_type: receipt.messageType, outcome: outcome.kind });
    if (outcome.kind === 'duplicate') this.log.info({ file: name, guid: receipt.guid }, 'receipt already recorded; nothing changes');
    await moveInto(path.join(this.config.inDir, 'processed'), file, name);
  }

  /** An unreadable file: to failed/ with its reason beside it, listed to ops; never lost, never a crash. */
  private async setAside(name: string, reason: string, messageType = 'unreadable'): Promise<void> {
    const failed = path.join(this.config.inDir, 'failed');
    await fs.writeFile(path.join(failed, `${name}.txt`), `${reason}\n`, 'utf8');
    await moveInto(failed, path.join(this.config.inDir, name), name);
    await this.dataSource.getRepository(FailedReceiptFile).insert({ fileName: name, reason });
    receiptFilesFailed.inc();
    receiptsRead.inc({ message_type: messageType, outcome: 'failed' });
    this.log.warn({ file: name, reason }, 'receipt file set aside in failed/');
  }
}

async function moveInto(dir: string, file: string, name: string): Promise<void> {
  await fs.rename(file, path.join(dir, name)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
