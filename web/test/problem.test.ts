import { describe, expect, it } from 'vitest';
import { ApiError, isMissingEndpoint, problemDetails, problemMessage } from '../src/api/problem';

describe('problemMessage', () => {
  it('uses words of our own for codes whose server text is terse', () => {
    expect(problemMessage(409, { code: 'class-busy', detail: 'class cs101 is OPENING' })).toMatch(/opening or closing right now/);
    expect(problemMessage(429, { code: 'too-many-logins', detail: 'Too many failed sign-ins; try again in 30 s' })).toMatch(/Too many failed sign-ins/);
  });

  it("uses the server's detail as a sentence otherwise", () => {
    expect(problemMessage(400, { code: 'over-capacity', detail: 'roster has 31 students, capacity is 30' })).toBe('Roster has 31 students, capacity is 30.');
    expect(problemMessage(404, { title: 'Not Found' })).toBe('Not Found.');
  });

  it('never shows raw JSON or a bare status', () => {
    expect(problemMessage(500, { detail: '{"error":"boom"}' })).toBe('CaaS had an internal error. Try again later.');
    expect(problemMessage(413, null)).toMatch(/too large/);
    expect(problemMessage(418, null)).toBe('The request failed (HTTP 418).');
  });

  it('says when CaaS cannot be reached at all', () => {
    expect(problemMessage(0, null)).toMatch(/Cannot reach CaaS/);
  });
});

describe('problemDetails', () => {
  it('lists field errors in both shapes and CSV row errors with their line', () => {
    expect(problemDetails({ fields: [{ field: 'username', message: 'must match' }] })).toEqual(['username: must match']);
    expect(problemDetails({ fields: { password: 'too short' } })).toEqual(['password: too short']);
    expect(problemDetails({ errors: [{ line: 3, username: 'bad-name', code: 'invalid-username', message: 'invalid username' }] })).toEqual(['line 3, bad-name: invalid username']);
    expect(problemDetails(null)).toEqual([]);
  });
});

describe('isMissingEndpoint', () => {
  it('recognises a method or path the server does not have', () => {
    expect(isMissingEndpoint(new ApiError(405, { code: 'http-405' }))).toBe(true);
    expect(isMissingEndpoint(new ApiError(404, { code: 'http-404', detail: 'No static resource api/sessions.' }))).toBe(true);
    expect(isMissingEndpoint(new ApiError(404, { code: 'not-found', detail: 'No route for GET /api/sessions' }))).toBe(true);
  });

  it('does not take a missing resource for a missing feature', () => {
    expect(isMissingEndpoint(new ApiError(404, { code: 'not-found', detail: "class 'x' does not exist" }))).toBe(false);
    expect(isMissingEndpoint(new ApiError(409, { code: 'class-busy' }))).toBe(false);
    expect(isMissingEndpoint(new Error('x'))).toBe(false);
  });
});
