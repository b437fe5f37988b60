import { describe, expect, it } from 'vitest';
import { cashClassification, classifySymbol, type ClassifyInput } from './classification';

describe('classifySymbol', () => {
  it.each<[ClassifyInput, string, string]>([
    [{ symbol: 'SPY' }, 'equity', 'etf'],
    [{ symbol: 'VOO' }, 'equity', 'etf'],
    [{ symbol: 'VTI' }, 'equity', 'etf'],
    [{ symbol: 'QQQ' }, 'equity', 'etf'],
    [{ symbol: 'IVV' }, 'equity', 'etf'],
    [{ symbol: 'VT' }, 'equity', 'etf'],
    [{ symbol: 'VXUS' }, 'equity', 'etf'],
    [{ symbol: 'BND' }, 'fixed_income', 'etf'],
    [{ symbol: 'AGG' }, 'fixed_income', 'etf'],
    [{ symbol: 'TLT' }, 'fixed_income', 'etf'],
    [{ symbol: 'IEF' }, 'fixed_income', 'etf'],
    [{ symbol: 'SHY' }, 'fixed_income', 'etf'],
    [{ symbol: 'LQD' }, 'fixed_income', 'etf'],
    [{ symbol: 'BNDX' }, 'fixed_income', 'etf'],
    [{ symbol: 'VGIT' }, 'fixed_income', 'etf'],
    [{ symbol: 'VNQ' }, 'real_estate', 'etf'],
    [{ symbol: 'GLD' }, 'commodities', 'etf'],
    [{ symbol: 'IAU' }, 'commodities', 'etf'],
    [{ symbol: 'SLV' }, 'commodities', 'etf'],
    [{ symbol: 'spy' }, 'equity', 'etf'], // case does not matter
    [{ symbol: 'SCHG', name: 'Schwab U.S. Large-Cap Growth ETF' }, 'equity', 'etf'], // "ETF" in the name
    [{ symbol: 'XYZB', name: 'Example Total Bond Market ETF' }, 'fixed_income', 'etf'], // a bond ETF not in the list
    [{ symbol: 'XYZT', name: 'Example 0-3 Month Treasury ETF' }, 'fixed_income', 'etf'],
    [{ symbol: 'NETF', name: 'Netflix-like Streaming Co' }, 'equity', 'stock'], // "etf" inside a word is not "ETF"
    [{ symbol: 'AAPL', name: 'Apple Inc. Common Stock' }, 'equity', 'stock'],
    [{ symbol: 'BRK.B' }, 'equity', 'stock'], // no name: an individual stock
    [{ symbol: 'BTC/USD', brokerAssetClass: 'crypto' }, 'alternatives', 'crypto'],
    [{ symbol: 'AAPL250117C00200000', brokerAssetClass: 'us_option' }, 'equity', 'option'],
    [{ symbol: 'SPY', brokerAssetClass: 'us_equity' }, 'equity', 'etf'],
  ])('%j → %s / %s', (input, assetClass, securityType) => {
    expect(classifySymbol(input)).toEqual({ assetClass, securityType });
  });

  it('gives cash its own class', () => {
    expect(cashClassification).toEqual({ assetClass: 'cash', securityType: 'cash' });
  });
});
