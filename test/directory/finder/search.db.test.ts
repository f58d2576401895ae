import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OpenedDatabase } from '../../../src/platform/db/index.ts';
import { searchServices, type SearchQuery } from '../../../src/directory/index.ts';
import { resolvePlace, type Place } from '../../../src/reference/index.ts';
import { greatCircleKm } from '../../../src/coverage/index.ts';
import { backends, freshDatabase } from '../../helpers/db.ts';
import { aLocation, aService, anOrganization, store } from '../factories.ts';

const query = (overrides: Partial<SearchQuery> = {}): SearchQuery => ({
  text: '', place: null, radiusKm: null, filters: {}, age: null, sort: 'relevance', page: 1, perPage: 50, ...overrides,
});

for (const backend of backends()) {
  describe(`finder search on ${backend.name}`, { skip: backend.skip }, () => {
    let database: OpenedDatabase;
    const org = anOrganization({ name: 'Fjordby kommune' });
    // Hand-placed services: Oslo centre, Drammen, Bergen, Tromsø; one digital; one confidential in Bodø.
    const oslo = aService(org, { name: 'Bandverksted Grünerløkka', description: 'Lavterskel band for ungdom.', terms: ['niva:lavterskel', 'felt:rus', 'arena:ideell', 'malgruppe:unge-voksne', 'format:gruppe', 'tilgang:egenhenvisning'], minimumAge: 16, maximumAge: 25, locations: [aLocation({ latitude: 59.9225, longitude: 10.7590, municipalityNumber: '0301' })] });
    const drammen = aService(org, { name: 'Musikkterapi ved DPS Drammen', description: 'Musikkterapeuten arbeider i poliklinikken.', terms: ['niva:behandling', 'felt:psykisk-helse', 'arena:spesialist:dps', 'malgruppe:voksne', 'format:individuell', 'tilgang:henvisning', 'henviser:fastlege'], minimumAge: 18, locations: [aLocation({ latitude: 59.7440, longitude: 10.2045, municipalityNumber: '3301', address: { address1: 'Elvegata 2', postalCode: '3015', city: 'Drammen', stateProvince: 'Buskerud' } })] });
    const bergen = aService(org, { name: 'Sangkor på Møhlenpris', description: 'Kor og sang for voksne med rusutfordringer.', terms: ['niva:oppfolging', 'felt:rus', 'arena:kommune', 'malgruppe:voksne', 'format:gruppe', 'tilgang:egenhenvisning'], locations: [aLocation({ latitude: 60.3840, longitude: 5.3260, municipalityNumber: '4601', address: { address1: 'Strandgaten 3', postalCode: '5013', city: 'Bergen', stateProvince: 'Vestland' } })] });
    const tromso = aService(org, { name: 'Musikkterapi i fengselet', description: 'Individuell musikkterapi for innsatte.', terms: ['niva:behandling', 'felt:rus', 'arena:kriminalomsorg', 'malgruppe:voksne', 'format:individuell', 'tilgang:henvisning', 'henviser:kriminalomsorgen'], locations: [aLocation({ latitude: 69.6496, longitude: 18.9560, municipalityNumber: '5501', address: { address1: 'Fengselsveien 1', postalCode: '9008', city: 'Tromsø', stateProvince: 'Troms' } })] });
    const digital = aService(org, { name: 'Musikkterapi på video', description: 'Digitale timer med musikkterapeut.', terms: ['niva:oppfolging', 'felt:psykisk-helse', 'format:digital', 'tilgang:egenhenvisning', 'malgruppe:unge-voksne'], languages: ['nb', 'se'], locations: [] });
    const secret = aService(org, { name: 'Skjermet musikkgruppe', description: 'Gruppe på skjermet adresse.', terms: ['niva:lavterskel', 'felt:rus', 'format:gruppe', 'tilgang:egenhenvisning'], locations: [aLocation({ isConfidential: true, latitude: 67.2901, longitude: 14.3999, municipalityNumber: '1804', address: { address1: 'Hemmeligveien 9', postalCode: '8006', city: 'Bodø', stateProvince: 'Nordland' } })] });
    const closed = aService(org, { name: 'Nedlagt musikkterapi', status: 'defunct' });
    const all = [oslo, drammen, bergen, tromso, digital, secret, closed];
    const names = (result: Awaited<ReturnType<typeof searchServices>>) => result.hits.map((h) => h.name).sort();

    before(async () => {
      database = await freshDatabase(backend.name);
      await store(database.db, [org], all);
    });
    after(() => database.close());

    test('finds all published services without a query, and never defunct ones', async () => {
      const result = await searchServices(database.db, query());
      assert.equal(result.total, 6);
      assert.ok(!names(result).includes('Nedlagt musikkterapi'));
    });

    test('Norwegian stemming: "musikkterapeuten" finds services that say "musikkterapi"', async () => {
      const result = await searchServices(database.db, query({ text: 'musikkterapeuten' }));
      for (const name of ['Musikkterapi ved DPS Drammen', 'Musikkterapi i fengselet', 'Musikkterapi på video']) assert.ok(names(result).includes(name), name);
    });

    test('stemming of inflected words: "koret" finds "Sangkor", "fengsel" finds "fengselet"', async () => {
      assert.deepEqual(names(await searchServices(database.db, query({ text: 'koret' }))), ['Sangkor på Møhlenpris']);
      assert.ok(names(await searchServices(database.db, query({ text: 'fengsel' }))).includes('Musikkterapi i fengselet'));
    });

    test('typo tolerance: "musikterapi" and "bandverkstd" still find their services and say so', async () => {
      const typo = await searchServices(database.db, query({ text: 'musikterapi' }));
      assert.ok(typo.total >= 3);
      assert.ok(typo.fuzzyMatches.some((f) => f.word === 'musikterapi' && f.matched.includes('musikkterapi')));
      assert.deepEqual(names(await searchServices(database.db, query({ text: 'bandverkstd' }))), ['Bandverksted Grünerløkka']);
    });

    test('text search covers organisation and municipality names', async () => {
      assert.equal((await searchServices(database.db, query({ text: 'Fjordby' }))).total, 6);
      assert.deepEqual(names(await searchServices(database.db, query({ text: 'Tromsø' }))), ['Musikkterapi i fengselet']);
    });

    test('each filter narrows, OR within a facet and AND across facets', async () => {
      assert.deepEqual(names(await searchServices(database.db, query({ filters: { arena: ['arena:kriminalomsorg'] } }))), ['Musikkterapi i fengselet']);
      // a parent term finds its children: spesialisthelsetjeneste finds the DPS
      assert.deepEqual(names(await searchServices(database.db, query({ filters: { arena: ['arena:spesialist'] } }))), ['Musikkterapi ved DPS Drammen']);
      const either = await searchServices(database.db, query({ filters: { niva: ['niva:lavterskel', 'niva:behandling'] } }));
      assert.equal(either.total, 4);
      const both = await searchServices(database.db, query({ filters: { niva: ['niva:behandling'], felt: ['felt:rus'] } }));
      assert.deepEqual(names(both), ['Musikkterapi i fengselet']);
      assert.deepEqual(names(await searchServices(database.db, query({ filters: { sprak: ['sprak:se'] } }))), ['Musikkterapi på video']);
      assert.deepEqual(names(await searchServices(database.db, query({ filters: { henviser: ['henviser:fastlege'] }, text: 'drammen' }))), ['Musikkterapi ved DPS Drammen']);
    });

    test('facet counts show what each option would give with the other filters applied', async () => {
      const result = await searchServices(database.db, query({ filters: { niva: ['niva:behandling'] } }));
      // the selected facet counts ignore its own selection...
      assert.equal(result.facetCounts.niva!['niva:lavterskel'], 2);
      assert.equal(result.facetCounts.niva!['niva:behandling'], 2);
      // ...other facets count within the selection
      assert.equal(result.facetCounts.felt!['felt:rus'], 1);
      assert.equal(result.facetCounts.felt!['felt:psykisk-helse'], 1);
    });

    test('with several facets and words selected, each option counts the hits choosing it would give', async () => {
      // every key some visible offer has, by facet
      const keys = Object.entries((await searchServices(database.db, query())).facetCounts).flatMap(([facet, counts]) => Object.keys(counts).map((key) => [facet, key] as const));
      assert.ok(keys.length > 20);
      const searches: Partial<SearchQuery>[] = [
        { filters: { niva: ['niva:behandling', 'niva:lavterskel'], felt: ['felt:rus'] } },
        { filters: { niva: ['niva:lavterskel', 'niva:oppfolging'], felt: ['felt:rus'], format: ['format:gruppe'] } },
        { text: 'musikkterapi', filters: { felt: ['felt:rus', 'felt:psykisk-helse'], tilgang: ['tilgang:henvisning'] } },
        { text: 'gruppe' },
      ];
      for (const search of searches) {
        const result = await searchServices(database.db, query(search));
        assert.equal(result.total, result.hits.length);
        for (const [facet, key] of keys) {
          // the hits with this facet's own selection replaced by the one option (the other facets as selected)
          const alone = await searchServices(database.db, query({ ...search, filters: { ...search.filters, [facet]: [key] } }));
          assert.equal(result.facetCounts[facet]?.[key] ?? 0, alone.hits.length, `${JSON.stringify(search)}: ${key}`);
        }
      }
    });

    test('age filter keeps services whose age range contains the age', async () => {
      const seventeen = names(await searchServices(database.db, query({ age: 17 })));
      assert.ok(seventeen.includes('Bandverksted Grünerløkka'));
      assert.ok(!seventeen.includes('Musikkterapi ved DPS Drammen'));
    });

    test('distance order matches hand-computed great-circle distances from a place', async () => {
      const place: Place = { kind: 'coordinates', label: 'Oslo S', lat: 59.9111, lon: 10.7528, origin: 'position', municipalityNumber: null, municipalityName: null };
      const result = await searchServices(database.db, query({ place, sort: 'distance' }));
      const physical = result.hits.filter((h) => !h.isDigital);
      const expected = [oslo, drammen, bergen, secret, tromso].map((s) => {
        // a confidential location is measured from its municipality's population centre (Bodø's)
        const l = s.locations[0]!;
        return { name: s.name, km: s === secret ? null : greatCircleKm(place.lat, place.lon, l.latitude!, l.longitude!) };
      });
      assert.deepEqual(physical.map((h) => h.name), expected.map((e) => e.name));
      for (const hit of physical) {
        const e = expected.find((x) => x.name === hit.name)!;
        if (e.km !== null) assert.ok(Math.abs(hit.distanceKm! - e.km) < 0.01, `${hit.name}: ${hit.distanceKm} vs ${e.km}`);
      }
      // Oslo S → Drammen by hand: Δφ = −0.1671°, Δλ = −0.5483°, haversine ≈ 35.9 km
      assert.ok(Math.abs(physical[1]!.distanceKm! - 35.9) < 0.2);
      // digital offers are listed for every place, after the physical ones
      assert.equal(result.hits.at(-1)!.name, 'Musikkterapi på video');
      assert.equal(result.hits.at(-1)!.distanceKm, null);
    });

    test('a radius keeps nearby offers and digital ones', async () => {
      const place: Place = { kind: 'coordinates', label: 'Oslo S', lat: 59.9111, lon: 10.7528, origin: 'position', municipalityNumber: null, municipalityName: null };
      const result = await searchServices(database.db, query({ place, radiusKm: 50, sort: 'distance' }));
      assert.deepEqual(result.hits.map((h) => h.name), ['Bandverksted Grünerløkka', 'Musikkterapi ved DPS Drammen', 'Musikkterapi på video']);
    });

    test('a postal code searches from its municipality, and offers there come first', async () => {
      const resolved = await resolvePlace(database.db, '9008');
      assert.ok(resolved.ok);
      const result = await searchServices(database.db, query({ place: resolved.place, sort: 'distance' }));
      assert.equal(result.hits[0]!.name, 'Musikkterapi i fengselet');
      assert.equal(result.hits[0]!.inPlaceMunicipality, true);
    });

    test('a confidential location never gives away its address or point', async () => {
      const result = await searchServices(database.db, query({ text: 'skjermet' }));
      const hit = result.hits[0]!;
      assert.equal(hit.name, 'Skjermet musikkgruppe');
      // drawn at Bodø's population centre, not at the real coordinates
      assert.notEqual(hit.lat, 67.2901);
      assert.notEqual(hit.lon, 14.3999);
      assert.ok(!JSON.stringify(result).includes('Hemmeligveien'));
    });

    test('pagination: totals stay the same on every page and pages do not overlap', async () => {
      const first = await searchServices(database.db, query({ perPage: 4, page: 1, sort: 'name' }));
      const second = await searchServices(database.db, query({ perPage: 4, page: 2, sort: 'name' }));
      const beyond = await searchServices(database.db, query({ perPage: 4, page: 9, sort: 'name' }));
      assert.equal(first.total, 6);
      assert.equal(second.total, 6);
      assert.equal(beyond.total, 6);
      assert.equal(first.hits.length, 4);
      assert.equal(second.hits.length, 2);
      assert.equal(beyond.hits.length, 0);
      assert.equal(new Set([...first.hits, ...second.hits].map((h) => h.id)).size, 6);
    });
  });
}
