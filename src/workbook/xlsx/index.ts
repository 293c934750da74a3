export * from './readXlsx';
