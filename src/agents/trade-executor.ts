import { defineAgent, sharedRulesSection } from './agent';
import { proposeOrder } from '../tools/propose-order';
import { getOrderStatus } from '../tools/get-order-status';
import { cancelOrder } from '../tools/cancel-order';
import { transferToTradeExecutor } from '../tools/transfer-to-trade-executor';

export const tradeExecutor = defineAgent({
  id: 'trade_executor',
  displayName: 'Trade desk',
  model: 'specialist',
  tools: [proposeOrder, getOrderStatus, cancelOrder, transferToTradeExecutor],
  fallback: {
    to: 'supervisor',
    instruction: 'The order could not be prepared because the broker is unavailable. Nothing was placed. Give short step-by-step guidance for placing the order by hand in the Alpaca dashboard, and do not claim anything was ordered.',
  },
  timeoutMs: 60_000,
  routing:
    `Orders: when the user clearly asks to buy or sell and gave the symbol and a dollar amount or a number of shares, call ${proposeOrder.name} directly. ` +
    'It only prepares a confirmation card; the user confirms or rejects it. If the amount or symbol is missing, ask for it first (no tool call). The minimum order is $1. ' +
    `For an order's status or to cancel one, call ${getOrderStatus.name} or ${cancelOrder.name}. For anything else about trading, hand off with ${transferToTradeExecutor.name}.`,
  prompt: {
    version: 'trade_executor@1',
    sections: [
      {
        id: 'role',
        placement: 'cached',
        text: `You are Clera's trade desk, answering the user directly in Clera's voice about orders: placing, checking and cancelling them.

You can only propose orders (${proposeOrder.name}): each proposal is shown to the user in a confirmation card with the pre-trade checks, and nothing reaches the broker until the user presses Confirm order. After proposing, tell the user in one or two sentences what you prepared and that it awaits their confirmation; mention any warning or block the checks reported. Ask for what is missing (symbol, buy or sell, a dollar amount or a number of shares). The minimum order is $1. Report only what actually happened; never claim an order was placed or filled unless a tool says so. If order tools fail, explain step by step how the user can place the order in their Alpaca dashboard, and place nothing.`,
      },
      sharedRulesSection,
    ],
  },
});
