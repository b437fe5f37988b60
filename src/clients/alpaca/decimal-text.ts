import { z } from 'zod';
import { isDecimalString } from '../../finance/money';

/** A decimal number as Alpaca writes money and quantities ("12", "-3.5", "0.000001"), checked, kept as text. */
export const decimalText = z.string().refine(isDecimalString, 'not a decimal string');
