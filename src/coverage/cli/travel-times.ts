// npm run coverage:travel-times -- file.csv   (header from,to,minutes; see src/coverage/METHOD.md)
// npm run coverage:travel-times -- --clear    (back to great-circle km)
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { clearTravelTimes } from '../queries.ts';
import { importTravelTimes } from '../travel-times.ts';
import { openCommandDatabase, runCommand } from './database.ts';

runCommand(async () => {
  const argument = process.argv[2];
  if (!argument) {
    console.error('Usage: npm run coverage:travel-times -- <file.csv> | --clear');
    return 64; // EX_USAGE
  }
  const database = await openCommandDatabase();
  try {
    if (argument === '--clear') {
      await clearTravelTimes(database.db);
      console.log('Travel-time matrix removed: the atlas uses great-circle km again.');
      return 0;
    }
    const result = await importTravelTimes(database.db, readFileSync(argument, 'utf8'), basename(argument));
    if (!result.ok) {
      console.error(`Not loaded: ${result.errors.length} problem(s)${result.rows === 0 ? ', and no valid rows' : ''}.`);
      for (const e of result.errors.slice(0, 50)) console.error(`  line ${e.line}: ${e.message}`);
      if (result.errors.length > 50) console.error(`  … and ${result.errors.length - 50} more`);
      return 65; // EX_DATAERR
    }
    console.log(`Loaded ${result.rows} travel times from ${basename(argument)}; they cover ${(result.pairCoverage * 100).toFixed(1)} % of municipality pairs.`);
    if (result.missingIntraMunicipal.length > 0) {
      console.log(`Warning: ${result.missingIntraMunicipal.length} municipalities have no row to themselves, so trips inside them count as unreachable (first: ${result.missingIntraMunicipal.slice(0, 5).join(', ')}).`);
    }
    console.log('The atlas now measures distance as travel time in minutes, and says so.');
    return 0;
  } finally {
    await database.close();
  }
});
