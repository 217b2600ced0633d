/** The dev server's banner of content errors (see src/dev/problems.ts); empty in production. */
import { formatProblem } from "../../src/content/source.ts";
import { devProblems } from "../../src/dev/problems.ts";

export function DevProblems() {
  const problems = devProblems();
  if (problems.length === 0) return null;
  return (
    <div class="dev-problems" role="alert">
      <p>
        <strong>
          {problems.length} {problems.length === 1 ? "error" : "errors"} in the content.
        </strong>{" "}
        The pages show the last version that built; fix the files and they update.
      </p>
      <ul>
        {problems.map((problem) => (
          <li>
            <code>{formatProblem(problem)}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
