import { describe, expect, it } from 'vitest';
import { rankCandidates, type Candidate } from './assignment.ts';

const person = (name: string, extra: Partial<Candidate> = {}): Candidate => ({
  userId: name.toLowerCase(),
  name,
  role: 'TEAM_MEMBER',
  skills: ['tax-preparation'],
  expertiseLevel: 'intermediate',
  availabilityStatus: 'available',
  maxConcurrentProjects: 3,
  activeRequests: 0,
  ...extra,
});
const names = (required: string[], candidates: Candidate[]) => rankCandidates(required, candidates).map((r) => r.candidate.name);

describe('automatic assignment ranking', () => {
  it('prefers whoever holds more of the required skills', () => {
    expect(names(['tax-preparation', 'audit'], [person('Ann'), person('Ben', { skills: ['tax-preparation', 'audit'] })])).toEqual(['Ben', 'Ann']);
  });

  it('leaves out people without any required skill, on leave, offline, full, or not in the team roles', () => {
    const ranked = names(
      ['audit'],
      [
        person('NoSkill'),
        person('OnLeave', { skills: ['audit'], availabilityStatus: 'on_leave' }),
        person('Offline', { skills: ['audit'], availabilityStatus: 'offline' }),
        person('Full', { skills: ['audit'], activeRequests: 3 }),
        person('Admin', { skills: ['audit'], role: 'ADMIN' }),
        person('Client', { skills: ['audit'], role: 'CLIENT' }),
        person('Fits', { skills: ['audit'] }),
      ],
    );
    expect(ranked).toEqual(['Fits']);
  });

  it('with equal skills, prefers the available, then the one with more free capacity, then expertise', () => {
    expect(names(['tax-preparation'], [person('Busy', { availabilityStatus: 'busy' }), person('Free')])).toEqual(['Free', 'Busy']);
    expect(names(['tax-preparation'], [person('Loaded', { activeRequests: 2 }), person('Light', { activeRequests: 1 })])).toEqual(['Light', 'Loaded']);
    expect(names(['tax-preparation'], [person('Junior', { expertiseLevel: 'junior' }), person('Expert', { expertiseLevel: 'expert' })])).toEqual([
      'Expert',
      'Junior',
    ]);
  });

  it('breaks exact ties by load, then by name', () => {
    expect(names(['tax-preparation'], [person('Zoe'), person('Adam')])).toEqual(['Adam', 'Zoe']);
  });

  it('takes anyone with room when the service names no skills, and says why', () => {
    const [first] = rankCandidates([], [person('Ann', { skills: [], activeRequests: 1, expertiseLevel: 'senior' })]);
    expect(first!.reason).toEqual({ kind: 'auto', matched: [], required: 0, availability: 'available', load: 1, capacity: 3, expertise: 'senior' });
  });

  it('finds nobody when nobody fits', () => {
    expect(rankCandidates(['audit'], [person('Ann')])).toEqual([]);
  });
});
