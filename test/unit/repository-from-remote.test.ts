// A local run names the repository from the clone's origin URL, in every form git accepts.
import { describe, expect, it } from 'vitest'
import { repositoryFromRemote } from '../../src/cli/origin.js'

describe('local run', () => {
  it.each([
    ['git@github.com:Acme/App.git', { repository: 'Acme/App' }],
    ['https://github.com/acme/app', { repository: 'acme/app' }],
    ['https://github.com/acme/app.git/', { repository: 'acme/app' }],
    ['ssh://git@ssh.github.com:443/acme/app.git', { repository: 'acme/app' }],
    // Not github.com: its images are not on ghcr.io/<owner>/<repo>.
    ['ssh://git@ghe.example.com:2222/org/repo.git', { host: 'ghe.example.com' }],
    ['git@gitlab.com:team/app.git', { host: 'gitlab.com' }],
  ])('reads the repository from %s', (url, expected) => {
    expect(repositoryFromRemote(url)).toEqual(expected)
  })
})
