/** Pure computations on figures: growth, points, shares, contributions, averages, progress, months, ranks. */
export * from './numbers';
export * from './round';
export * from './growth';
export * from './points';
export * from './share';
export * from './contribution';
export * from './average';
export * from './progress';
export * from './cumulative';
export * from './ranks';
