// Places of the six streets of 龙华区: communities (社区) with approximate coordinates
// (CGCS2000 ≈ WGS-84), roads, and the features cases of some matters happen at.
// Coordinates are approximate; every one lies within lng 114.0–114.1, lat 22.6–22.75.

export interface CommunitySeed {
  name: string;
  lng: number;
  lat: number;
  roads: string[];
  /** 城中村 / 新村 names used in residential addresses */
  villages: string[];
}

export interface StreetPlaces {
  street: string;
  communities: CommunitySeed[];
  industrialParks: string[];
  rivers: string[];
  hills: string[];
  sites: string[];
  metroExits: string[];
  markets: string[];
}

export const STREET_PLACES: Readonly<Record<string, StreetPlaces>> = {
  观湖: {
    street: '观湖',
    communities: [
      { name: '松元厦', lng: 114.0571, lat: 22.7152, roads: ['环观南路', '松元路', '观澜大道'], villages: ['松元厦老村', '松元新村'] },
      { name: '鹭湖', lng: 114.0652, lat: 22.7213, roads: ['观澜大道', '观乐路', '鹭湖路'], villages: ['鹭湖新村'] },
      { name: '新田', lng: 114.0703, lat: 22.7081, roads: ['观乐路', '新田路', '新田大道'], villages: ['新田村', '新田新村'] },
      { name: '樟坑径', lng: 114.0718, lat: 22.7035, roads: ['上围路', '樟坑径路', '五和大道'], villages: ['上围村', '下围村'] },
      { name: '大和', lng: 114.0524, lat: 22.7049, roads: ['大和路', '环观中路'], villages: ['大和村'] },
      { name: '观城', lng: 114.0478, lat: 22.7119, roads: ['观澜大道', '观城路', '环观中路'], villages: ['观城老村', '横坑村'] },
      { name: '润城', lng: 114.0603, lat: 22.6998, roads: ['观平路', '润城路'], villages: ['润城新村'] },
    ],
    industrialParks: ['樟坑径工业区', '新田工业区', '大和工业园'],
    rivers: ['观澜河', '樟坑径河', '横坑水'],
    hills: ['鹭湖片区山体', '樟坑径山地', '大和山林地'],
    sites: ['鹭湖花园二期项目工地', '观乐路道路改造工地', '新田城市更新项目工地'],
    metroExits: ['松元厦地铁站A出口', '松元厦地铁站B出口', '观澜地铁站C出口'],
    markets: ['松元厦市场', '大和农贸市场'],
  },
  民治: {
    street: '民治',
    communities: [
      { name: '民治', lng: 114.0402, lat: 22.6151, roads: ['民治大道', '人民路', '民康路'], villages: ['民治新村'] },
      { name: '民强', lng: 114.0351, lat: 22.6203, roads: ['民强路', '民治大道'], villages: ['民强新村'] },
      { name: '民泰', lng: 114.0453, lat: 22.6248, roads: ['民塘路', '民泰路'], villages: ['沙元埔村'] },
      { name: '民康', lng: 114.0298, lat: 22.6122, roads: ['民康路', '留仙大道'], villages: ['民康新村'] },
      { name: '民乐', lng: 114.0447, lat: 22.6081, roads: ['民乐路', '梅龙大道'], villages: ['民乐新村', '民乐老村'] },
      { name: '上塘', lng: 114.0281, lat: 22.6279, roads: ['上塘路', '腾龙路'], villages: ['上塘村', '樟坑村'] },
      { name: '白石龙', lng: 114.0253, lat: 22.6103, roads: ['白龙路', '民康路'], villages: ['白石龙老村'] },
      { name: '新牛', lng: 114.0552, lat: 22.6252, roads: ['民旺路', '新区大道'], villages: ['牛栏前村'] },
    ],
    industrialParks: ['上塘工业区', '民治第二工业区', '樟坑工业区'],
    rivers: ['坂田河', '民治河', '牛咀水'],
    hills: ['白石龙山林地', '大脑壳山片区'],
    sites: ['民治大道拓宽工程工地', '上塘城市更新项目工地', '北站商务区项目工地'],
    metroExits: ['民乐地铁站A出口', '上塘地铁站B出口', '深圳北站西广场出口'],
    markets: ['民治市场', '民乐市场', '新牛市场'],
  },
  大浪: {
    street: '大浪',
    communities: [
      { name: '浪口', lng: 114.0101, lat: 22.6603, roads: ['华荣路', '浪荣路'], villages: ['浪口村', '浪口新村'] },
      { name: '大浪', lng: 114.0078, lat: 22.6502, roads: ['大浪南路', '华旺路'], villages: ['大浪老村'] },
      { name: '龙胜', lng: 114.0253, lat: 22.6553, roads: ['布龙路', '龙胜路'], villages: ['龙胜新村', '龙胜旧村'] },
      { name: '同胜', lng: 114.0149, lat: 22.6402, roads: ['华宁路', '同胜路'], villages: ['上横朗村', '石凹村'] },
      { name: '横朗', lng: 114.0118, lat: 22.6752, roads: ['浪荣路', '横朗路'], villages: ['横朗老村'] },
      { name: '高峰', lng: 114.0183, lat: 22.6718, roads: ['工业东路', '高峰路'], villages: ['高峰新村'] },
      { name: '陶元', lng: 114.0072, lat: 22.6681, roads: ['华旺路', '陶元路'], villages: ['赖屋山村', '水围村'] },
    ],
    industrialParks: ['华荣路工业区', '浪口工业园', '大浪时尚小镇'],
    rivers: ['大浪河', '上芬水', '赖屋山水'],
    hills: ['羊台山林地', '浪口山体', '陶元山地'],
    sites: ['华荣路道路改造工地', '龙胜城市更新项目工地', '时尚小镇配套项目工地'],
    metroExits: ['龙胜地铁站D出口', '大浪地铁站A出口'],
    markets: ['浪口市场', '龙胜市场'],
  },
  龙华: {
    street: '龙华',
    communities: [
      { name: '清湖', lng: 114.0402, lat: 22.6752, roads: ['清湖路', '东环二路'], villages: ['清湖老村', '清湖新村'] },
      { name: '景龙', lng: 114.0301, lat: 22.6502, roads: ['人民路', '建设东路'], villages: ['景龙新村'] },
      { name: '龙园', lng: 114.0352, lat: 22.6603, roads: ['和平路', '龙观东路'], villages: ['龙园新村'] },
      { name: '三联', lng: 114.0451, lat: 22.6681, roads: ['东环一路', '三联路'], villages: ['三联村', '弓村'] },
      { name: '富康', lng: 114.0481, lat: 22.6602, roads: ['东环二路', '富康路'], villages: ['富康新村'] },
      { name: '油松', lng: 114.0382, lat: 22.6703, roads: ['油松路', '民清路'], villages: ['油松村', '水斗新村'] },
      { name: '松和', lng: 114.0282, lat: 22.6581, roads: ['布龙路', '东环一路'], villages: ['松和村'] },
      { name: '玉翠', lng: 114.0268, lat: 22.6441, roads: ['玉翠路', '人民路'], villages: ['玉翠新村'] },
    ],
    industrialParks: ['油松工业区', '清湖工业园', '富康工业区'],
    rivers: ['油松河', '龙华河', '清湖河'],
    hills: ['龙华公园周边林地', '清湖山体'],
    sites: ['东环二路改造工地', '三联城市更新项目工地', '清湖片区安居房项目工地'],
    metroExits: ['龙华地铁站A出口', '清湖地铁站C出口', '清湖北地铁站B出口'],
    markets: ['三联市场', '油松市场', '景龙市场'],
  },
  福城: {
    street: '福城',
    communities: [
      { name: '大水坑', lng: 114.0752, lat: 22.7001, roads: ['大水坑路', '观澜大道'], villages: ['大水坑村', '大水坑新村'] },
      { name: '章阁', lng: 114.0853, lat: 22.7152, roads: ['章阁路', '福民路'], villages: ['章阁老村'] },
      { name: '福民', lng: 114.0801, lat: 22.7053, roads: ['福民路', '富坑路'], villages: ['福民新村'] },
      { name: '桔塘', lng: 114.0702, lat: 22.7198, roads: ['桔岭路', '观澜大道'], villages: ['桔岭老村'] },
      { name: '茜坑', lng: 114.0651, lat: 22.7281, roads: ['茜坑路', '福前路'], villages: ['茜坑新村'] },
      { name: '新和', lng: 114.0902, lat: 22.7103, roads: ['新和路', '福民路'], villages: ['新和村'] },
      { name: '樟坑', lng: 114.0881, lat: 22.6952, roads: ['樟坑路', '龙澜大道'], villages: ['樟坑新村'] },
    ],
    industrialParks: ['大水坑工业区', '章阁工业区', '福民工业园'],
    rivers: ['茜坑水', '大水坑河', '樟坑河'],
    hills: ['茜坑水库周边林地', '大水坑山体', '章阁山地'],
    sites: ['福民路市政工程工地', '大水坑城市更新项目工地'],
    metroExits: ['茜坑地铁站A出口', '长湖地铁站B出口'],
    markets: ['大水坑市场', '章阁市场'],
  },
  观澜: {
    street: '观澜',
    communities: [
      { name: '库坑', lng: 114.0501, lat: 22.7452, roads: ['库坑路', '观光路'], villages: ['库坑老村'] },
      { name: '桂花', lng: 114.0602, lat: 22.7352, roads: ['桂花路', '观澜大道'], villages: ['桂花村', '桂花新村'] },
      { name: '君子布', lng: 114.0403, lat: 22.7403, roads: ['君子布路', '高尔夫大道'], villages: ['君子布村'] },
      { name: '牛湖', lng: 114.0752, lat: 22.7402, roads: ['牛湖路', '观澜大道'], villages: ['牛湖老村'] },
      { name: '新澜', lng: 114.0551, lat: 22.7253, roads: ['观澜大道', '新澜路'], villages: ['新澜老村'] },
      { name: '大富', lng: 114.0452, lat: 22.7302, roads: ['大富路', '环观中路'], villages: ['大富村'] },
      { name: '桂香', lng: 114.0652, lat: 22.7381, roads: ['桂香路', '观光路'], villages: ['桂香新村'] },
      { name: '黎光', lng: 114.0601, lat: 22.7452, roads: ['黎光路', '平安路'], villages: ['黎光村'] },
    ],
    industrialParks: ['库坑工业区', '桂花工业区', '观澜高新园'],
    rivers: ['观澜河', '牛湖水', '君子布河'],
    hills: ['观澜森林公园周边林地', '君子布山体', '库坑山地'],
    sites: ['观光路拓宽工程工地', '牛湖城市更新项目工地', '库坑片区安居房项目工地'],
    metroExits: ['牛湖地铁站A出口', '观澜湖地铁站B出口'],
    markets: ['观澜市场', '桂花市场', '牛湖市场'],
  },
};

/** Other regions for ID numbers of people born elsewhere (GB/T 2260 county codes). */
export const ID_REGION_PREFIXES: ReadonlyArray<string> = [
  // Shenzhen
  '440309', '440309', '440309', '440306', '440304', '440303', '440307', '440305',
  // elsewhere in Guangdong
  '441481', '445221', '441581', '440582', '441622', '441302', '440881',
  // other provinces
  '430524', '360731', '431021', '421023', '511322', '362330', '450881', '350583', '410526', '522121', '420682', '430426',
];

