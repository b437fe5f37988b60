/** Wire shapes the simulator answers with, taken from the types generated from Alpaca's OpenAPI specs. */
import type { components as MarketData } from '../../../src/clients/alpaca/generated/market-data.ts';
import type { components as Trading } from '../../../src/clients/alpaca/generated/trading.ts';

export type Account = Trading['schemas']['Account'];
export type Asset = Trading['schemas']['Assets'];
export type Exchange = Trading['schemas']['Exchange'];
export type Order = Trading['schemas']['Order'];
export type OrderStatus = Trading['schemas']['OrderStatus'];
export type OrderSide = Trading['schemas']['OrderSide'];
export type OrderType = Trading['schemas']['OrderType'];
export type TimeInForce = Trading['schemas']['TimeInForce'];
export type Position = Trading['schemas']['Position'];
export type PortfolioHistory = Trading['schemas']['PortfolioHistory'];
export type TradingActivity = Trading['schemas']['TradingActivities'];
export type ActivityType = Trading['schemas']['ActivityType'];
export type CalendarDay = Trading['schemas']['legacy_calendar_day'];
export type Clock = Trading['schemas']['legacy_clock'];
export type CanceledOrder = Trading['schemas']['CanceledOrderResponse'];

export type Bar = MarketData['schemas']['stock_bar'];
export type Trade = MarketData['schemas']['stock_trade'];
export type Quote = MarketData['schemas']['stock_quote'];
export type Snapshot = MarketData['schemas']['stock_snapshot'];
export type NewsArticle = MarketData['schemas']['news'];
export type Tape = MarketData['schemas']['stock_tape'];
