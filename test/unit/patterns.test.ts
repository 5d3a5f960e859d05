import { describe, expect, it } from 'vitest'
import { pathsIgnoreMatcher, pathsMatcher } from '../../src/core/patterns.js'

// Examples from GitHub's "Filter pattern cheat sheet".
describe('GitHub filter patterns', () => {
  it.each([
    ['**', 'all/the/files.md', true],
    ['*.js', 'app.js', true],
    ['*.js', 'js/app.js', false],
    ['**.js', 'index.js', true],
    ['**.js', 'src/js/app.js', true],
    ['docs/*', 'docs/README.md', true],
    ['docs/*', 'docs/mona/octocat.txt', false],
    ['docs/**', 'docs/mona/octocat.txt', true],
    ['docs/**/*.md', 'docs/a/b/c.md', true],
    ['docs/**/*.md', 'docs/c.md', true],
    ['**/docs/**', 'a/docs/b.txt', true],
    ['**/README.md', 'a/b/README.md', true],
    ['**/*src/**', 'a/src/b.txt', true],
    ['**/*-post.md', 'my-post.md', true],
    ['**/*-post.md', 'path/their-post.md', true],
    ['**/migrate-*.sql', 'migrate-10909.sql', true],
    ['**/migrate-*.sql', 'db/migrate-v1.0.sql', true],
    ['*.jsx?', 'page.js', true],
    ['*.jsx?', 'page.jsx', true],
    ['*.jsx?', 'page.jsxx', false],
    ['Octo+cat', 'Octoooocat', true],
    ['Octo+cat', 'Octcat', false],
    ['[CB]at', 'Cat', true],
    ['[CB]at', 'Dat', false],
    ['[1-2]00', '200', true],
    ['[1-2]00', '300', false],
    ['Dockerfile.ci', 'Dockerfile.ci', true],
    ['Dockerfile.ci', 'DockerfileXci', false],
    ['Dockerfile.ci', 'sub/Dockerfile.ci', false],
    ['.github/workflows/build-ci-image.yml', '.github/workflows/build-ci-image.yml', true],
    ['{a,b}.txt', 'a.txt', false],
    ['{a,b}.txt', '{a,b}.txt', true],
    ['docs/(draft).md', 'docs/(draft).md', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(pathsMatcher([pattern])(path)).toBe(expected)
  })

  it('lets the last matching pattern win with ! negation', () => {
    const matches = pathsMatcher(['sub-project/**', '!sub-project/docs/**', 'sub-project/docs/keep.md'])
    expect(matches('sub-project/a.ts')).toBe(true)
    expect(matches('sub-project/docs/a.md')).toBe(false)
    expect(matches('sub-project/docs/keep.md')).toBe(true)
    expect(matches('other/a.ts')).toBe(false)
  })

  it('a negation alone matches nothing', () => {
    expect(pathsMatcher(['!docs/**'])('src/a.ts')).toBe(false)
  })

  it('paths-ignore counts the files it does not ignore', () => {
    const matches = pathsIgnoreMatcher(['docs/**', '!docs/Dockerfile.ci'])
    expect(matches('docs/readme.md')).toBe(false)
    expect(matches('docs/Dockerfile.ci')).toBe(true)
    expect(matches('src/main.ts')).toBe(true)
  })
})
