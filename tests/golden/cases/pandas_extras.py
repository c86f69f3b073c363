# Less central API used in notebooks: set_index, rename, info, concat, unique, loc assignment, Series arithmetic.
import io
import pandas as pd

data = pd.read_csv(io.StringIO('NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106000\n4,NA,178100\nNA,NA,140000\n'))
data.info()
# %%
data.set_index('Alley')
# %%
data.rename(columns={'Price': 'price'})
# %%
pd.concat([data.head(2), data.tail(1)])
# %%
pd.concat([data.head(2), data.tail(1)], ignore_index=True)
# %%
pd.concat([data['Price'], data['NumRooms']], axis=1)
# %%
data['Alley'].unique(), data['Alley'].nunique(), data.nunique()
# %%
d = data.copy()
d.loc[0, 'NumRooms'] = 9
d.loc[d['Price'] > 150000, 'Alley'] = 'Grvl'
d
# %%
data['Price'] / 1000 + 1
# %%
data['NumRooms'] * 2 - data['NumRooms']
# %%
data['Price'] >= 140000
# %%
data[data['Price'] >= 140000]
# %%
data['Price'].to_frame()
# %%
data['Price'].reset_index()
# %%
data.columns = ['a', 'b', 'c']
data
# %%
data['c'].value_counts(normalize=True)
# %%
data.describe(include='all')
# %%
pd.isna(float('nan')), pd.notna(3), pd.isna(data).sum()
# %%
data.to_csv('out.csv', index=False)
print(open('out.csv').read())
pd.read_csv('out.csv')
# %%
data = pd.read_csv(io.StringIO('NumRooms,Alley,Price\nNA,Pave,127500\n2,NA,106000\n4,NA,178100\nNA,NA,140000\n'))
data.iloc[1]
# %%
data.iloc[1].tolist(), data.loc[2], data.iloc[1]['NumRooms']
# %%
data.values
# %%
words = pd.DataFrame({'w': ['x', 'y', 'z'], 'n': [1, 2, 3], 'f': [1.5, None, 2.5]})
words.sum()
# %%
words.min(), words.astype(object).iloc[:, 2].tolist()
