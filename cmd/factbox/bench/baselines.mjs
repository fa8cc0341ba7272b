// Times JavaScript readability pipelines on a text file, for comparison with
// `factbox check` in the same run (see run.sh). Prints one line a pipeline:
//   name  seconds  MB/s  grade
import fs from 'node:fs';
import {fleschKincaid} from 'flesch-kincaid';
import {syllable} from 'syllable';
import rs from 'text-readability';

const file = process.argv[2];
const runs = Number(process.argv[3] || 3);
const bytes = fs.statSync(file).size;

// pipeline: read the file, count sentences, words and syllables, apply the formula.
const pipelines = {
  'flesch-kincaid+syllable': () => {
    const text = fs.readFileSync(file, 'utf8');
    const sentences = text.split(/[.!?]+(?:\s|$)/).filter((s) => /\w/.test(s)).length;
    const words = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) || [];
    let syllables = 0;
    for (const w of words) syllables += syllable(w);
    return fleschKincaid({sentence: sentences, word: words.length, syllable: syllables});
  },
  'text-readability': () => rs.fleschKincaidGrade(fs.readFileSync(file, 'utf8')),
};

for (const [name, run] of Object.entries(pipelines)) {
  let best = Infinity;
  let grade;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    grade = run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  console.log(`${name.padEnd(26)} ${best.toFixed(3)} s  ${(bytes / 1e6 / best).toFixed(2).padStart(7)} MB/s  grade ${grade.toFixed(2)}`);
}
