# Printing as pandas 1.5 does: float columns, NaN, alignment, long and wide frames, Series and Index reprs.
import io
import pandas as pd

rows = ''.join(f'{i},{i * 1.5},name{i},{i * 100000},{1 / (i + 1)},{"" if i % 3 == 0 else "cat" + str(i % 4)}\n' for i in range(100))
long = pd.read_csv(io.StringIO('id,x,label,big,frac,cat\n' + rows))
long
# %%
print(long)
# %%
long['frac']
# %%
long['label']
# %%
long.head(60)
# %%
long.head(61)
# %%
long.head(3)
# %%
long.tail(3)
# %%
long.index
# %%
long.head(3).index
# %%
long.tail(3).index
# %%
long.columns
# %%
wide = pd.DataFrame([[i * j for j in range(30)] for i in range(4)], columns=[f'column_{j}' for j in range(30)])
wide
# %%
print(wide.iloc[:, :8])
# %%
pd.DataFrame([[i * j + 0.5 for j in range(30)] for i in range(100)])
# %%
pd.DataFrame({'small': [0.000001234, 1.0, 2.0], 'big': [1e10, 2.5, -3.0], 'neg': [-1.5, 2.25, -0.125]})
# %%
pd.DataFrame({'x': [1e-7, 5.0, None], 'y': [123456789.123, 1.0, 2.0], 'z': [float('inf'), -1.0, 0.0]})
# %%
pd.DataFrame({'t': ['short', 'a much longer piece of text that goes well past fifty characters wide', 'tab\there'], 'n': [1, 22, 333]})
# %%
pd.Series([1.5, None, 3.25], name='values')
# %%
pd.Series(['a', 'bb', None])
# %%
pd.Series([True, False])
# %%
pd.Series([], dtype=float)
# %%
pd.Series(range(100))
# %%
pd.Series([10, 20, 30], index=['a', 'b', 'c'])
# %%
pd.DataFrame({'a': [], 'b': []})
# %%
pd.Index(['NumRooms', 'Alley', 'Price'])
# %%
pd.Index([f'column_{j}' for j in range(30)])
# %%
pd.DataFrame({'a': [1, 2]}, index=['x', 'y'])
# %%
df = pd.read_csv(io.StringIO('k,v\na,1\nb,2\n'), index_col='k')
df
# %%
df['v']
# %%
long.dtypes
# %%
long.describe()
# %%
long['cat'].describe()
# %%
long['cat'].value_counts()
# %%
long['cat'].value_counts(dropna=False)
# %%
print(long.head(2).to_csv())
