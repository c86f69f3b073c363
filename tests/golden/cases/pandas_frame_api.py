# DataFrame and Series basics: constructors, shape, columns, selection, assignment, copy, conversions.
import pandas as pd

df = pd.DataFrame({'a': [1, 2, 3], 'b': [1.5, None, 3.5], 'c': ['x', 'y', None]})
df
# %%
df.shape, len(df), df.columns, df.index
# %%
df.dtypes
# %%
df['a']
# %%
df.a
# %%
df[['c', 'a']]
# %%
df['zz']
# %%
df.iloc[0]
# %%
df.iloc[1:, 1:]
# %%
df.iloc[[0, 2], [0]]
# %%
df.iloc[-1, 0], df.iloc[0, 1]
# %%
df.iloc[5]
# %%
df.loc[1]
# %%
df.loc[0:1, ['a', 'c']]
# %%
df.loc[df['a'] > 1]
# %%
df['d'] = df['a'] * 2
df['e'] = 7
df
# %%
df.a = [10, 20, 30]
df
# %%
c = df.copy()
c['a'] = 0
df['a'].tolist(), c['a'].tolist()
# %%
df.drop(columns=['d', 'e'])
# %%
df.drop('e', axis=1).drop(index=[0])
# %%
df.drop([5])
# %%
df.drop(index=[0]).reset_index()
# %%
df.drop(index=[0]).reset_index(drop=True)
# %%
df.fillna(0)
# %%
df.fillna({'b': -1})
# %%
f = df.copy()
print(f.fillna(0, inplace=True))
f
# %%
df.astype({'a': float})
# %%
df['b'].astype(str)
# %%
df[['a', 'b']].astype(int)
# %%
pd.DataFrame([[1, 'x'], [2, 'y']], columns=['n', 's'])
# %%
pd.DataFrame([[1, 2], [3, 4]])
# %%
pd.Series([1, 2, 3], name='n')
# %%
s = pd.Series([3, 1, 2], index=['a', 'b', 'c'])
s['b'], s.iloc[0], s.idxmax(), s.index
# %%
df.values
# %%
df[['a', 'b']].values
# %%
df[['a', 'e']].to_numpy()
# %%
df.head(1), df.tail(1)
# %%
df.isna()
# %%
df.notna().sum()
# %%
df.describe()
# %%
df.to_csv()
# %%
mixed = pd.Series([1.0, 'a', 2, None])
mixed, mixed.tolist(), pd.DataFrame({'m': [1.0, 'b']})
