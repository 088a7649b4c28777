import { createHash } from 'node:crypto'
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { createInterface } from 'node:readline'
import { type Command, InvalidArgumentError } from 'commander'
import { systemActor } from '../shared/actor.js'
import { isLocalDate } from '../shared/time.js'
import { exportD0010, importReadingsFile, loadCalorificValues, readingFileFormat } from '../usecases/index.js'
import { reportRefusal, withDatabase } from './context.js'
import { progressBar } from './progress.js'

const cliActor = systemActor('cli')

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

function firstLineOf(path: string): string {
  const fd = openSync(path, 'r')
  try {
    const buffer = Buffer.alloc(64)
    const read = readSync(fd, buffer, 0, 64, 0)
    return buffer.subarray(0, read).toString('utf8').split(/\r?\n/)[0] ?? ''
  } finally {
    closeSync(fd)
  }
}

/** Lines of a file, counting bytes read for the progress bar. */
async function* fileLines(path: string, onBytes: (bytes: number) => void): AsyncGenerator<string> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 })
  let bytes = 0
  stream.on('data', (chunk) => {
    bytes += chunk.length
    onBytes(bytes)
  })
  for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) yield line
}

/**
 * A command-line bound: a date ('2026-07-02') stays a local date, for the use case to start at the
 * supplier's local midnight; anything with a time is an instant.
 * @throws InvalidArgumentError for anything else
 */
export function dateOrInstant(value: string): string | Date {
  if (isLocalDate(value)) return value
  const date = /T/.test(value) ? new Date(value) : null
  if (date === null || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError('a date (YYYY-MM-DD) or an ISO 8601 instant')
  }
  return date
}

export function registerReadingCommands(program: Command, dataDirOption: import('commander').Option) {
  const importCommand = program.command('import').description('take data in from files')
  importCommand
    .command('readings <file>')
    .description('import meter readings: a half-hourly CSV (meter_point,interval_start,kwh,quality) or a D0010 flow')
    .option('--show <n>', 'rejected rows to print', (v) => Number.parseInt(v, 10), 50)
    .addOption(dataDirOption)
    .action(async (file: string, options: { show: number; dataDir?: string }) => {
      const size = statSync(file).size
      const format = readingFileFormat(firstLineOf(file))
      const sha256 = await sha256Of(file)
      await withDatabase(options, async (database) => {
        const bar = progressBar('bytes')
        try {
          const summary = await importReadingsFile({
            db: database.db,
            format,
            ...(format === 'd0010'
              ? { text: readFileSync(file, 'utf8') }
              : { lines: fileLines(file, (bytes) => bar.update(bytes, size)) }),
            fileName: basename(file),
            sha256,
            actor: cliActor,
            at: new Date(),
          })
          bar.stop()
          console.log(
            `${format === 'd0010' ? 'D0010' : 'interval CSV'} ${basename(file)}: ${summary.total} rows — ${summary.inserted} new, ${summary.revised} corrected, ${summary.unchanged} unchanged, ${summary.held} held for review, ${summary.rejected} rejected`,
          )
          for (const problem of summary.problems.slice(0, options.show)) {
            console.log(`  line ${problem.line}: ${problem.message}`)
          }
          if (summary.rejected > options.show) console.log(`  … and ${summary.rejected - options.show} more`)
          if (summary.rejected > 0) process.exitCode = 2
        } catch (error) {
          bar.stop()
          reportRefusal(error, (refusal) => `${basename(file)} was rejected whole: ${refusal.message}`)
        }
      })
    })

  importCommand
    .command('calorific-values <file>')
    .description(
      'load the calorific values of gas (MJ/m³) by date: a CSV valid_from,valid_to,mj_per_m3 (valid_to exclusive)',
    )
    .addOption(dataDirOption)
    .action(async (file: string, options: { dataDir?: string }) => {
      await withDatabase(options, async (database) => {
        try {
          const loaded = await loadCalorificValues({
            db: database.db,
            text: readFileSync(file, 'utf8'),
            fileName: basename(file),
            actor: cliActor,
            at: new Date(),
          })
          console.log(
            `calorific values ${basename(file)}: ${loaded.loaded} loaded, from ${loaded.from} to ${loaded.to}`,
          )
        } catch (error) {
          reportRefusal(error, (refusal) => `${basename(file)} was rejected whole: ${refusal.message}`)
        }
      })
    })

  const exportCommand = program.command('export').description('write data out to files')
  exportCommand
    .command('d0010')
    .description('write the D0010 meter-readings flow for MPANs and dates')
    .requiredOption('--mpan <mpan...>', 'MPAN cores')
    .requiredOption('--from <date>', 'first date (from local midnight) or instant (inclusive)', dateOrInstant)
    .requiredOption('--to <date>', 'end date (to local midnight) or instant (exclusive)', dateOrInstant)
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--participant <id>', "this supplier's market participant id", 'CUTL')
    .option('--to-participant <id>', 'the recipient participant id', 'XXXX')
    .addOption(dataDirOption)
    .action(
      async (options: {
        mpan: string[]
        from: string | Date
        to: string | Date
        out?: string
        participant: string
        toParticipant: string
        dataDir?: string
      }) => {
        await withDatabase(options, async (database) => {
          const at = new Date()
          const { text, readings } = await exportD0010({
            db: database.db,
            mpans: options.mpan,
            from: options.from,
            to: options.to,
            fileId: `CUTL${at.getTime().toString(36).toUpperCase()}`,
            fromParticipant: options.participant,
            toParticipant: options.toParticipant,
            at,
          })
          if (options.out) {
            writeFileSync(options.out, text)
            console.error(`wrote ${readings} readings to ${options.out}`)
          } else {
            process.stdout.write(text)
          }
        })
      },
    )
}
