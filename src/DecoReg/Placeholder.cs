namespace DecoReg; internal static class Placeholder {}
