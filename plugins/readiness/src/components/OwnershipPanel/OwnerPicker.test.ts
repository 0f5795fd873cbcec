import { searchTerm } from './OwnerPicker';

describe('searchTerm', () => {
  it('searches refs typed the way the labels show them by their name', () => {
    expect(searchTerm('group:sre')).toBe('sre');
    expect(searchTerm(' group:default/sre-oncall ')).toBe('sre-oncall');
    expect(searchTerm('user:priya')).toBe('priya');
    expect(searchTerm('Priya Raman')).toBe('Priya Raman');
  });
});
