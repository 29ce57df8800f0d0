export { judgeInbox, newerFirst, type InboxVerdict, type ReceivedItem, type JudgedItem, type InboxRulesOptions } from './inbox-rules';
export { cityFigures, outcomeText, type CityFigure, type CityFigures, type CityFiguresOptions, type ReferenceFigures, type ZoneRankRow } from './city-figures';
export { completenessBoard, boardCellText, BOARD_STATE_LABEL, type Board, type BoardCell, type BoardEntry, type BoardState } from './board';
export { cumulativeTrend, periodInYearLabel, trendIndicators, type CumulativeTrend, type LastYearSource, type TrendOptions, type TrendPoint } from './cumulative-trend';
export { readReceivedFile, type ReadReceived } from './read-received';
