/**
 * The few semver functions this action uses, imported one by one: the package's index pulls in ranges,
 * comparators and every other function (about 170 KB of bundle) that a cold start would pay for.
 */
export {default as valid} from 'semver/functions/valid.js';
export {default as parse} from 'semver/functions/parse.js';
export {default as clean} from 'semver/functions/clean.js';
export {default as prerelease} from 'semver/functions/prerelease.js';
