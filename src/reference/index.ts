export { loadReferenceData } from './load.ts';
export { listMunicipalities, findMunicipality, findPostalCode, type MunicipalityRow, type MunicipalityWithCentre } from './queries.ts';
export { resolvePlace, municipalityByNumber, coordinatesPlace, titleCase, type Place, type PlaceOrigin, type PlaceResult, type PlaceProblem } from './place.ts';
export { HEALTH_REGIONS } from './regions.ts';
export { norwayMap, municipalityMap, municipalityOutlines, type MapShape, type NorwayMap, type MunicipalityMap, type MunicipalityOutline } from './map.ts';
export { referenceRoutes } from './routes.ts';
export { MunicipalityNumber, PostalCode } from './schema.ts';
export { demandGrid, DEMAND_GRID_FILE, type DemandGrid, type DemandGridCell } from './demand-grid.ts';
